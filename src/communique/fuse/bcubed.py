"""B-cubed precision, recall and F1 of a clustering against gold groups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> BCubed:
    """Score the items both mappings (item -> cluster label) cover. For each item, precision is
    the share of its predicted cluster that shares its gold group, recall the share of its gold
    group that shares its predicted cluster; both are averaged over items."""
    items = [i for i in gold if i in predicted]
    if not items:
        return BCubed(0.0, 0.0, 0.0, 0)
    pred_groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    gold_groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for i in items:
        pred_groups[predicted[i]].add(i)
        gold_groups[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        mine, truth = pred_groups[predicted[i]], gold_groups[gold[i]]
        both = len(mine & truth)
        p += both / len(mine)
        r += both / len(truth)
    p, r = p / len(items), r / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return BCubed(p, r, f1, len(items))
