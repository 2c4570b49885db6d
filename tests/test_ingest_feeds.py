"""Feeds: full-text entries become articles, summaries become links to fetch, broken entries
become skips, and a broken feed is one skip."""

from __future__ import annotations

from datetime import date

from communique.ingest.feeds import FeedLink, looks_like_feed, read_feed
from communique.model import RawArticle, Skip

LONG = "<p>" + "The envoys met again to discuss the border. " * 20 + "</p>"
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Full</title><link href="https://news.example/full"/>
  <updated>2024-03-05T08:00:00Z</updated><content type="html"><![CDATA[{LONG}]]></content></entry>
<entry><title>Teaser</title><link href="https://news.example/teaser"/>
  <updated>2024-03-06T08:00:00Z</updated><summary>Short teaser.</summary></entry>
<entry><title>Nothing</title></entry>
</feed>"""


def test_ingest_feeds_entries_become_articles_links_and_skips() -> None:
    data = ATOM.encode()
    assert looks_like_feed(data)
    full, teaser, nothing = list(read_feed(data, "wire.atom"))
    assert isinstance(full, RawArticle) and full.url == "https://news.example/full"
    assert full.published == date(2024, 3, 5)
    assert isinstance(teaser, FeedLink) and teaser.url == "https://news.example/teaser"
    assert isinstance(nothing, Skip) and nothing.reason.value == "no_article"


def test_ingest_feeds_unreadable_feed_is_one_skip() -> None:
    (item,) = list(read_feed(b"<rss><channel><item><title>cut", "bad.rss"))
    assert isinstance(item, Skip)
