#!/usr/bin/env python3
"""Adds catalogue entries to all three locale files at once: python3 .ci/i18n/merge.py NEW.json
NEW.json = {"key": {"en": "...", "pt-BR": "...", "it": "..."}}. Existing keys are replaced."""
import json, sys, pathlib
root = pathlib.Path(__file__).resolve().parents[2] / "src-tauri/crates/ponte-core/locales"
new = json.load(open(sys.argv[1], encoding="utf-8"))
for lang in ("en", "pt-BR", "it"):
    p = root / f"{lang}.json"
    cat = json.loads(p.read_text(encoding="utf-8"))
    for k, v in new.items():
        cat[k] = v[lang]
    p.write_text(json.dumps(cat, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"merged {len(new)} keys")
