"""The Python package against the CLI: same objects, same errors, any thread."""

import concurrent.futures
import datetime
import json
import pathlib

import pytest

import numcheck

ARTICLE = "examples/kirby-briefing.txt"
FACTS = "examples/kirby-facts.txt"
DATE = "2024-10-23"


@pytest.fixture(scope="module")
def text(root):
    return (root / ARTICLE).read_text(encoding="utf-8")


def cli_file(cli, *args):
    """The single file object of a CLI JSON run."""
    out = cli(*args)
    assert out.returncode in (0, 1), out.stderr.decode()
    files = json.loads(out.stdout)["files"]
    assert len(files) == 1
    return files[0]


def test_extract_equals_cli(cli, text):
    expected = cli_file(cli, "extract", "--format", "json", ARTICLE)["quantities"]
    got = numcheck.extract(text)
    assert len(got) > 10
    assert got == expected


def test_extract_dated_equals_cli(cli, text):
    expected = cli_file(cli, "extract", "--format", "json", "--date", DATE, ARTICLE)
    assert numcheck.extract(text, date=DATE) == expected["quantities"]
    assert numcheck.extract(text, date=datetime.date(2024, 10, 23)) == expected["quantities"]


def test_check_equals_cli(cli, text):
    expected = cli_file(cli, "check", "--format", "json", ARTICLE)["diagnostics"]
    got = numcheck.check(text)
    assert got, "the running example has findings"
    assert got == expected


def test_check_dated_with_facts_equals_cli(cli, root, text):
    args = ["check", "--format", "json", "--date", DATE, "--facts", FACTS, ARTICLE]
    expected = cli_file(cli, *args)["diagnostics"]
    facts_path = root / FACTS
    by_path = numcheck.check(text, date=datetime.date(2024, 10, 23), facts=facts_path)
    by_text = numcheck.check(text, date=DATE, facts=facts_path.read_text(encoding="utf-8"))
    assert by_path == expected
    assert by_text == expected


def test_facts_are_used_as_the_cli_uses_them(cli, root, tmp_path):
    article = tmp_path / "war.txt"
    article.write_text("The war, raging for more than three years, has killed thousands.\n")
    args = ["check", "--format", "json", "--date", DATE, "--facts", FACTS, str(article)]
    expected = cli_file(cli, *args)["diagnostics"]
    assert "fact-mismatch" in [d["rule"] for d in expected]
    text = article.read_text()
    assert numcheck.check(text, date=DATE, facts=root / FACTS) == expected
    assert numcheck.check(text, date=DATE, facts=(root / FACTS).read_bytes()) == expected
    assert "fact-mismatch" not in [d["rule"] for d in numcheck.check(text, date=DATE)]


@pytest.mark.parametrize(
    "fixture, fmt",
    [("storm.md", "markdown"), ("storm.html", "html"), ("storm.md", "plain")],
)
def test_formats_equal_cli(cli, root, fixture, fmt):
    path = f"tests/fixtures/sources/{fixture}"
    source = (root / path).read_text(encoding="utf-8")
    args = ["--format", "json", "--input-format", fmt, path]
    expected = cli_file(cli, "check", *args)["diagnostics"]
    assert expected, "the storm fixture has findings"
    assert numcheck.check(source, format=fmt) == expected
    expected = cli_file(cli, "extract", *args)["quantities"]
    assert numcheck.extract(source, format=fmt) == expected


def test_unknown_format_raises_valueerror(text):
    with pytest.raises(ValueError, match="format: unknown input format"):
        numcheck.check(text, format="pdf")


def test_contract_fields(text):
    for d in numcheck.check(text, date=DATE):
        assert {"rule", "severity", "message", "span", "related"} <= d.keys()
        assert d["severity"] in ("error", "warning", "info")
        span = d["span"]
        assert text.encode()[span["start"] : span["end"]].decode() == span["text"]
    for q in numcheck.extract(text):
        assert {"span", "number", "kind", "value", "low", "high", "approx", "unit", "per"} <= q.keys()


def test_bytes_equal_str(text):
    assert numcheck.check(text.encode("utf-8"), date=DATE) == numcheck.check(text, date=DATE)
    assert numcheck.extract(text.encode("utf-8")) == numcheck.extract(text)


def test_datetime_gives_its_date(text):
    moment = datetime.datetime(2024, 10, 23, 17, 30)
    assert numcheck.extract(text, date=moment) == numcheck.extract(text, date=DATE)


def test_config_dict_text_and_file_equal_cli(cli, root, text, tmp_path):
    rule = numcheck.check(text, date=DATE)[0]["rule"]
    toml = f'ignore = ["{rule}"]\n'
    config_file = tmp_path / "numcheck.toml"
    config_file.write_text(toml)
    expected = cli_file(
        cli, "check", "--format", "json", "--date", DATE, "--config", str(config_file), ARTICLE
    )["diagnostics"]
    assert all(d["rule"] != rule for d in expected)
    assert numcheck.check(text, date=DATE, config={"ignore": [rule]}) == expected
    assert numcheck.check(text, date=DATE, config=toml) == expected
    assert numcheck.check(text, date=DATE, config=config_file) == expected


def test_bad_config_raises_the_cli_message(cli, text, tmp_path):
    config_file = tmp_path / "numcheck.toml"
    config_file.write_text('[rules]\nno-such-rule = "off"\n')
    out = cli("check", "--format", "json", "--config", str(config_file), ARTICLE)
    assert out.returncode == 2
    with pytest.raises(ValueError) as e:
        numcheck.check(text, config=config_file)
    assert out.stderr.decode().strip() == f"numcheck: {e.value}"
    with pytest.raises(ValueError, match="unknown rule `no-such-rule`"):
        numcheck.check(text, config={"rules": {"no-such-rule": "off"}})


def test_missing_facts_file_raises_oserror(text, tmp_path):
    with pytest.raises(OSError, match="no such file"):
        numcheck.check(text, facts=tmp_path / "absent.txt")


@pytest.mark.parametrize("command", ["check", "extract"])
def test_non_utf8_raises_the_cli_message(cli, command, tmp_path):
    data = "12 soldiers on Monday ".encode() + b"\xff\xfe rest"
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    out = cli(command, "--format", "json", str(path))
    assert out.returncode == 2
    with pytest.raises(ValueError) as e:
        getattr(numcheck, command)(data)
    label, reason = str(e.value).split(": ", 1)
    assert label == "text"
    assert reason == "not valid UTF-8 (invalid byte at offset 22)"
    assert out.stderr.decode().strip() == f"numcheck: {path}: {reason}"


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "yesterday", "24-10-23"])
def test_bad_date_raises_the_cli_message(cli, command, date, text):
    out = cli(command, "--format", "json", "--date", date, ARTICLE)
    assert out.returncode == 2
    with pytest.raises(ValueError) as e:
        getattr(numcheck, command)(text, date=date)
    assert str(e.value).startswith("date: invalid date")
    assert out.stderr.decode().strip() == f"numcheck: --{e.value}"


def test_wrong_types_raise_typeerror(text):
    with pytest.raises(TypeError):
        numcheck.check(12345)
    with pytest.raises(TypeError):
        numcheck.extract(text, date=20241023)
    with pytest.raises(TypeError):
        numcheck.check(text, config=["ignore"])


def test_four_threads_give_identical_results(text):
    facts = pathlib.Path(__file__).resolve().parents[2] / FACTS
    expected_check = numcheck.check(text, date=DATE, facts=facts)
    expected_extract = numcheck.extract(text, date=DATE)

    def work(i):
        if i % 2:
            return "extract", numcheck.extract(text, date=DATE)
        return "check", numcheck.check(text, date=DATE, facts=facts)

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(32)))
    assert len(results) == 32
    for kind, got in results:
        assert got == (expected_check if kind == "check" else expected_extract)


def test_the_gil_is_released_while_working(text):
    """Another Python thread keeps running while one is inside the native
    extract: the longest pause it sees is a small part of the call's duration.

    The native call is timed, not ``numcheck.extract``: the wrapper's
    ``json.loads`` of a large result holds the GIL as any Python code does,
    and on a loaded machine that would make the test fail for nothing."""
    import threading
    import time

    from numcheck import _numcheck

    big = "\n\n".join([text] * 3000)

    def call():
        return _numcheck.extract_json(big, None, "plain")

    began = time.perf_counter()
    call()
    duration = time.perf_counter() - began

    done = threading.Event()
    worker = threading.Thread(target=lambda: (call(), done.set()))
    longest, last = 0.0, time.perf_counter()
    worker.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert duration > 0.1, f"the call took {duration:.3f}s: too short to tell"
    assert longest < duration / 2, f"paused {longest:.3f}s during a {duration:.3f}s call"
