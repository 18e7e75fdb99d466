"""``validator init``: a draft that parses, resolves, and never overwrites by accident."""

from __future__ import annotations

import json
import shutil

from validator.claims.files import load_claims_file
from validator.claims.run import resolve
from validator.extract import extract
from validator.load import load

from .conftest import SEED, run


def _seed_project(tmp_path):
    (tmp_path / "seeds").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    return tmp_path


def test_init_drafts_a_file_that_parses_and_resolves(tmp_path):
    root = _seed_project(tmp_path)
    out = run(["init", f"seeds/{SEED.name}"], root)
    assert out.returncode == 0, out.stderr
    path = root / "claims" / (SEED.stem + ".toml")
    text = path.read_text(encoding="utf-8")
    assert 'report = "seeds/000_ddbcf0d77c88731c.txt"' in text
    assert 'assert = "share(n743_l37, n1090_l37) == p66_8_l37"' in text
    assert 'assert = "n4_l51 == 4"' in text
    assert 'assert = "n5_l15 >= 4"' in text          # the list ends with 等
    assert '# assert = "n1090_l21 == n1090_l25"' in text  # a suggestion, commented out
    cf = load_claims_file(str(path), str(root), {})
    doc = load(str(root / "seeds" / SEED.name))
    quantities = extract(doc)
    assert len(cf.bindings) == len(quantities)  # one binding per quantity found
    for b in cf.bindings:
        assert resolve(doc, quantities, b).text  # every quote finds its number
    # the draft's claims run: the one the auto rule found broken fails, the rest pass
    audit = run(["audit", "seeds/", "--format", "json"], root)
    claims = json.loads(audit.stdout)["files"][0]["claims"]
    assert {c["status"] for c in claims if c["id"].startswith("percent-of-total")} == {"failed"}
    assert all(c["status"] == "passed" for c in claims if c["id"].startswith("enumeration-count"))


def test_init_never_overwrites_without_force(tmp_path):
    root = _seed_project(tmp_path)
    (root / "claims").mkdir()
    target = root / "claims" / (SEED.stem + ".toml")
    target.write_text("# mine\n", encoding="utf-8")
    out = run(["init", f"seeds/{SEED.name}"], root)
    assert out.returncode == 2
    assert out.stderr == (f"validator: error: claims/{SEED.stem}.toml: already exists; use --force to "
                          f"overwrite it\n")
    assert target.read_text(encoding="utf-8") == "# mine\n"
    out = run(["init", f"seeds/{SEED.name}", "--force"], root)
    assert out.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Draft claims")
    assert [p.name for p in (root / "claims").iterdir()] == [target.name]  # no temporary left behind


def test_init_refuses_a_report_outside_the_project(tmp_path):
    root = _seed_project(tmp_path / "project")
    out = run(["init", str(SEED), "--claims", "claims"], root)
    assert out.returncode == 2
    assert "the report is outside the project" in out.stderr
    assert not (root / "claims").exists()


def test_init_reports_an_unreadable_report(tmp_path):
    out = run(["init", "missing.txt"], tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("validator: error: missing.txt: ")
