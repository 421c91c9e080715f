"""Docs completeness: every CLI command and option, and every config key, is documented."""

import argparse
import re

from tacitus.cli import build_parser
from tacitus.config import config_keys


def _subcommands():
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sub.choices


def test_every_command_and_option_is_in_docs_cli(repo_dir):
    doc = (repo_dir / "docs" / "cli.md").read_text()
    headings = re.findall(r"^## `tacitus (\w+)", doc, flags=re.M)
    assert sorted(headings) == sorted(_subcommands())
    for name, sub in _subcommands().items():
        section = doc.split(f"## `tacitus {name}", 1)[1].split("\n## ", 1)[0]
        for action in sub._actions:
            for flag in action.option_strings:
                if flag in ("-h", "--help"):
                    continue
                assert flag in section, f"{flag} of `tacitus {name}` is not documented in docs/cli.md"


def test_every_command_is_in_the_readme(repo_dir):
    readme = (repo_dir / "README.md").read_text()
    for name in _subcommands():
        assert f"tacitus {name}" in readme


def test_every_config_key_is_documented(repo_dir):
    doc = (repo_dir / "docs" / "configuration.md").read_text()
    for key in config_keys():
        assert f"`{key}`" in doc, f"config key {key} is not documented"


def test_readme_quick_start_is_two_commands(repo_dir):
    readme = (repo_dir / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.strip().splitlines()]
    assert commands == ["make demo", "make test"]
