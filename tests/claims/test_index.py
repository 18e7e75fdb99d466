"""validator.claims.index: a claims folder found valid is not parsed again for reports it does not
name, and nothing about what an audit reports changes because of it."""

from __future__ import annotations

import json
import os

import pytest

from validator.claims.files import ClaimSet, ClaimsError
from validator.claims.index import LazyClaimSet, open_dir

from .conftest import claim, run

OTHER = "全镇共有社区12个，其中新建社区3个。\n"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("VALIDATOR_CLAIMS_INDEX", raising=False)


def _records(tmp_path) -> list[str]:
    folder = tmp_path / "xdg" / "validator"
    return sorted(os.listdir(folder)) if folder.is_dir() else []


def test_second_open_is_lazy_and_parses_only_for_a_named_report(project, tmp_path):
    project.claims(claim("villages == 120"))
    first = open_dir(str(project.path / "claims"))
    assert isinstance(first, ClaimSet)
    assert len(_records(tmp_path)) == 1
    second = open_dir(str(project.path / "claims"))
    assert isinstance(second, LazyClaimSet)
    other = project.path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    assert second.for_document(str(other)) == [] and second._full is None
    named = second.for_document(str(project.path / "report.txt"))
    assert [c.id for f in named for c in f.claims] == ["c1"]
    assert second._full is not None


def test_cli_output_is_the_same_with_and_without_the_record(project, tmp_path, monkeypatch):
    project.claims(claim("villages == 121"))  # fails: the report says 120
    (project.path / "other.txt").write_text(OTHER, encoding="utf-8")
    args = ["audit", "report.txt", "other.txt", "--format", "json"]
    outputs = []
    for off in ("1", "1", "0"):  # writes the record, reads it, does without it
        monkeypatch.setenv("VALIDATOR_CLAIMS_INDEX", off)
        r = run(args, project.path)
        assert r.returncode == 1, r.stderr
        doc = json.loads(r.stdout)
        doc.pop("summary", None)
        outputs.append(doc)
    assert len(_records(tmp_path)) == 1
    assert outputs[0] == outputs[1] == outputs[2]
    claims = outputs[1]["files"][0]["claims"]
    assert [(c["id"], c["status"]) for c in claims] == [("c1", "failed")]


def test_a_bad_claims_file_is_refused_on_every_run(project, tmp_path):
    project.claims(claim("villages == "))
    for _ in range(2):
        r = project.audit()
        assert r.returncode == 2
        assert r.stderr.startswith("validator: error: claims/report.toml:5: claim c1: expected a number")
    assert _records(tmp_path) == []


def test_an_edited_claims_file_is_parsed_again(project, tmp_path):
    p = project.claims(claim("villages == 120"))
    open_dir(str(project.path / "claims"))
    p.write_text(p.read_text(encoding="utf-8").replace("villages == 120", "villages =="), encoding="utf-8")
    with pytest.raises(ClaimsError, match="report.toml"):
        open_dir(str(project.path / "claims"))


def test_a_new_fact_file_changes_the_key(project, tmp_path):
    project.claims(claim("villages == 120"))
    open_dir(str(project.path / "claims"))
    (project.path / "claims" / "facts").mkdir()
    (project.path / "claims" / "facts" / "f.toml").write_text("[[fact]]\nname = 1\n", encoding="utf-8")
    with pytest.raises(ClaimsError, match="f.toml"):
        open_dir(str(project.path / "claims"))


def test_where_the_folder_is_is_checked_on_every_run(tmp_path):
    """The same content, valid in one project, is refused in another where its report path leads
    outside the project through a symbolic link, though a record of that content exists."""
    body = 'report = "sub/r.txt"\n'
    good, bad, elsewhere = tmp_path / "good", tmp_path / "bad", tmp_path / "elsewhere"
    for project in (good, bad):
        (project / "claims").mkdir(parents=True)
        (project / "claims" / "x.toml").write_text(body, encoding="utf-8")
    (good / "sub").mkdir()
    elsewhere.mkdir()
    (bad / "sub").symlink_to(elsewhere, target_is_directory=True)
    assert isinstance(open_dir(str(good / "claims")), ClaimSet)
    assert isinstance(open_dir(str(good / "claims")), LazyClaimSet)
    with pytest.raises(ClaimsError, match="outside the project"):
        open_dir(str(bad / "claims"))


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"reports": 3}', b'{"reports": ["a.txt", "b.txt"]}',
                                     b'{"reports": [7]}', b"\xff\xfe"])
def test_a_damaged_record_means_parsing(project, tmp_path, content):
    project.claims(claim("villages == 120"))
    open_dir(str(project.path / "claims"))
    (record,) = _records(tmp_path)
    (tmp_path / "xdg" / "validator" / record).write_bytes(content)
    assert isinstance(open_dir(str(project.path / "claims")), ClaimSet)


def test_switched_off(project, tmp_path, monkeypatch):
    monkeypatch.setenv("VALIDATOR_CLAIMS_INDEX", "0")
    project.claims(claim("villages == 120"))
    for _ in range(2):
        assert isinstance(open_dir(str(project.path / "claims")), ClaimSet)
    assert _records(tmp_path) == []


def test_an_unwritable_cache_is_ignored(project, tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    project.claims(claim("villages == 120"))
    for _ in range(2):
        assert isinstance(open_dir(str(project.path / "claims")), ClaimSet)
