"""The structural rules of SARIF 2.1.0 that code-scanning uploads depend on (no network, no schema file)."""

from __future__ import annotations

from typing import Any


def assert_sarif_2_1_0(log: dict[str, Any]) -> None:
    """The structural rules of SARIF 2.1.0 that code-scanning uploads depend on."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and log["runs"]
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        rules = driver.get("rules", [])
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids))
        for rule in rules:
            assert rule["shortDescription"]["text"]
            assert rule["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
        for result in run["results"]:
            assert result["message"]["text"]
            assert result["level"] in ("none", "note", "warning", "error")
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            for location in result["locations"]:
                physical = location["physicalLocation"]
                assert not physical["artifactLocation"]["uri"].startswith("/")
                assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1
