"""Directory walking: order, hidden entries, links and special files."""

from __future__ import annotations

import gzip
import os
import threading

import pytest

from tacitus.records import RawInput, Rejection
from tacitus.sources import read_inputs
from tacitus.sources.files import expand_path


def _tree(root):
    """b.txt, a/1.txt, a/c.html, a/b/x.jsonl (2 records), a/z.gz, .git/config, a/.hidden.txt, a/pic.dat."""
    (root / "a" / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n")
    (root / "a" / ".hidden.txt").write_text("Secret draft.")
    (root / "b.txt").write_text("Peru and Chile met.")
    (root / "a" / "1.txt").write_text("Mali expelled the envoy.")
    (root / "a" / "c.html").write_text("<p>Niger closed the border.</p>")
    (root / "a" / "b" / "x.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n')
    (root / "a" / "z.gz").write_bytes(gzip.compress(b"Chad held elections."))
    (root / "a" / "pic.dat").write_bytes(b"GIF89a\x01\x00\x01\x00" + bytes(30))


def test_directory_is_walked_depth_first_sorted_skipping_hidden(tmp_path):
    _tree(tmp_path)
    root = str(tmp_path) + os.sep  # the spelling the user gave is kept
    items = list(read_inputs([root]))
    assert [(i.origin[len(root):], i.record, getattr(i, "content", None) or i.reason) for i in items] == [
        ("a/1.txt", None, "Mali expelled the envoy."),
        ("a/b/x.jsonl", "line 1", "One."),
        ("a/b/x.jsonl", "line 2", "Two."),
        ("a/c.html", None, "<p>Niger closed the border.</p>"),
        ("a/pic.dat", None, "binary file (GIF image)"),
        ("a/z.gz", None, "Chad held elections."),
        ("b.txt", None, "Peru and Chile met."),
    ]
    assert [type(i) for i in items].count(RawInput) == 6


def test_hidden_file_named_directly_is_read(tmp_path):
    _tree(tmp_path)
    [item] = read_inputs([str(tmp_path / "a" / ".hidden.txt")])
    assert item.content == "Secret draft."


def test_links_and_special_files(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.txt").write_text("Fiji joined the pact.")
    (tmp_path / "walk").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "walk" / "dirlink")
    os.symlink(tmp_path / "real" / "story.txt", tmp_path / "walk" / "filelink.txt")
    os.symlink(tmp_path / "nowhere", tmp_path / "walk" / "broken.txt")
    os.mkfifo(tmp_path / "walk" / "pipe")
    walk = str(tmp_path / "walk")
    assert list(expand_path(walk)) == [
        Rejection(f"{walk}/broken.txt", None, "broken symbolic link"),
        Rejection(f"{walk}/dirlink", None, "symbolic link to a directory (not followed)"),
        f"{walk}/filelink.txt",
        Rejection(f"{walk}/pipe", None, "not a regular file"),
    ]
    assert list(expand_path(f"{walk}/broken.txt")) == [Rejection(f"{walk}/broken.txt", None, "broken symbolic link")]
    assert list(expand_path(str(tmp_path / "absent"))) == [
        Rejection(str(tmp_path / "absent"), None, "no such file or directory")]


def test_directory_without_inputs_is_rejected(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".cache").write_text("hidden")
    assert list(read_inputs([str(tmp_path)])) == [
        Rejection(str(tmp_path), None, "directory holds no input files (hidden entries are skipped)")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_given_directly_is_read(tmp_path):
    pipe = tmp_path / "feed"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "wb") as handle:  # blocks until the reader opens the pipe
            handle.write(b'{"text": "Piped in."}\n')

    writer = threading.Thread(target=feed)
    writer.start()
    items = list(read_inputs([str(pipe)]))
    writer.join()
    assert items == [RawInput(str(pipe), "line 1", f"{pipe}#line1", "article", "Piped in.")]
