"""The README stays true: every command and every URL it should name."""

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CI_RUN = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
BUILT_IN = {"run", "shell", "routes"}


def test_every_cli_command_is_in_the_readme(app):
    names = set(app.cli.list_commands(None)) - BUILT_IN
    assert names >= {"seed-demo", "create-user", "start-code", "translate"}
    missing = [name for name in sorted(names) if f"`{name}" not in README and f" {name} " not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_translate_subcommand_is_in_the_readme(app):
    translate = app.cli.get_command(None, "translate")
    for name in translate.list_commands(None):
        assert f"translate {name}" in README, name


def test_every_public_route_is_in_the_url_map(app):
    documented = set(re.findall(r"`(/[^`\s]*)`", README))
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        # The README names parameters as readers know them: <id>, <step>.
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "<step>" if m.group(1) == "key" else "<id>", rule.rule)
        assert path in documented, f"{path} is not in README's URL map"


@pytest.mark.parametrize("step", ["buurt", "work", "hours", "days", "travel", "limits", "skills", "languages"])
def test_every_profile_step_is_named(step):
    assert f"`{step}`" in README


def test_ci_runs_the_readmes_test_command():
    match = re.search(r"\*\*Install what the tests need.*?```sh\n(.+?)\n```", README, re.S)
    assert match, "README has no test command"
    command = match.group(1).strip()
    lines = [line for line in CI_RUN.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert lines == [command]


ARCHITECTURE = (Path(__file__).resolve().parent.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
NAMED_PATHS = sorted(set(re.findall(r"`((?:webapp|tests|templates|translations|static)/[^`\s]*)`", ARCHITECTURE)))


def test_the_architecture_names_files():
    assert len(NAMED_PATHS) > 20


@pytest.mark.parametrize("path", NAMED_PATHS)
def test_every_file_the_architecture_names_exists(path):
    # ``templates/<area>/`` stands for every area's folder: check one of them.
    concrete = path.replace("<area>", "proposals")
    assert (Path(__file__).resolve().parent.parent / concrete).exists(), path


# --- the settings in "Configuration" ---------------------------------------------


def _settings_block():
    match = re.search(r"<!-- settings-table -->\n(.+?)\n<!-- /settings-table -->", README, re.S)
    assert match, "README's Configuration has no settings table"
    return match.group(1)


def _documented_settings():
    """``{name: (type, default)}`` from README's settings table."""
    rows = re.findall(r"^\| `([A-Z0-9_]+)` \| ([^|]+) \| (.+) \|$", _settings_block(), re.M)
    return {name: (kind.strip(), default.strip()) for name, kind, default in rows}


def test_every_setting_is_in_the_readme_with_its_type_and_default():
    from webapp.config import Config, _default_text, _type_name, setting_type

    documented = _documented_settings()
    for name in (name for name in vars(Config) if name.isupper()):
        assert name in documented, f"{name} is not in README's settings table (flask --app webapp settings-table)"
        text = _default_text(getattr(Config, name)).replace("|", "\\|")
        assert documented[name] == (_type_name(setting_type(name)), f"`{text}`" if text else "(empty)"), name


def test_nothing_in_the_readmes_settings_table_is_unknown():
    from webapp.config import setting_type

    documented = _documented_settings()
    assert len(documented) > 60
    unknown = [name for name in documented if setting_type(name) is None]
    assert not unknown, f"README lists settings the app does not know: {unknown}"


def test_the_readmes_settings_table_is_the_generated_one():
    from webapp.config import settings_table

    assert _settings_block() == settings_table(), "run: flask --app webapp settings-table, paste into README"
