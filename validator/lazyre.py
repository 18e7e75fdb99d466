"""Patterns compiled on first use, so that importing a rule costs next to nothing.

``validator --version``, ``validator rules`` and ``validator explain`` import every rule module
for its id and docstring; compiling the few hundred patterns the rules hold would take longer
than the whole command.  A :class:`LazyPattern` compiles its pattern with the ``regex`` module the
first time a method is looked up, then keeps the bound methods, so later calls cost the same as
on a compiled pattern.
"""

from __future__ import annotations


class LazyPattern:
    def __init__(self, pattern, flags: int = 0, **kwargs) -> None:
        self._args = (pattern, flags)
        self._kwargs = kwargs
        self._compiled = None

    def compiled(self):
        if self._compiled is None:
            import regex
            self._compiled = regex.compile(*self._args, **self._kwargs)
        return self._compiled

    def __getattr__(self, name: str):
        # Only reached for names not yet cached on the instance: "search", "match", "pattern" …
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern, flags: int = 0, **kwargs) -> LazyPattern:
    return LazyPattern(pattern, flags, **kwargs)
