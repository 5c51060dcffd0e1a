//! The registry as the rest of Ponte sees it: which suppliers there are, what each can do and the form
//! each declares; every id has exactly one supplier; every declaration is complete.

use std::collections::BTreeSet;
use std::fmt::Write;

use ponte_core::i18n::LOCALES;
use ponte_core::integration_types::{self, FieldKind, IntegrationType};
use ponte_core::presets;
use ponte_suppliers::registry;

/// One line per supplier: id, capabilities, then each field as `key:kind:section`, with `?` when optional.
fn listing() -> String {
    let mut out = String::new();
    for s in registry::all() {
        let spec = registry::spec(s.id());
        let yes = |b: bool| if b { "yes" } else { "no" };
        let fields: Vec<String> = spec
            .fields
            .iter()
            .map(|f| {
                let kind = serde_json::to_value(f.kind).unwrap();
                let section = serde_json::to_value(f.section).unwrap();
                let optional = if f.required { "" } else { "?" };
                format!(
                    "{}:{}:{}{optional}",
                    f.key,
                    kind.as_str().unwrap(),
                    section.as_str().unwrap()
                )
            })
            .collect();
        writeln!(
            out,
            "{} sales={} tokens={} | {}",
            s.id().as_str(),
            yes(spec.has_sales),
            yes(spec.has_tokens),
            fields.join(" ")
        )
        .unwrap();
    }
    out
}

#[test]
fn the_registry_lists_every_supplier_its_capabilities_and_its_form() {
    assert_eq!(
        listing(),
        "infotravel sales=yes tokens=no | url:url:main supplier_id:text:main agency_code:text:main \
         username:text:api_access password:secret:api_access\n\
         wooba sales=yes tokens=no | username:text:main password:secret:main url:url:main\n\
         paytourist sales=no tokens=yes | comune:text:main structure_id:text:main software_id:text:main \
         api_url:url:advanced?\n"
    );
}

#[test]
fn every_integration_type_has_exactly_one_supplier() {
    let ids: Vec<IntegrationType> = registry::all().map(|s| s.id()).collect();
    assert_eq!(ids, IntegrationType::ALL, "each id once, in the UI's order");
    for ty in IntegrationType::ALL {
        assert_eq!(
            registry::get(ty).id(),
            ty,
            "the supplier registered for {ty:?} answers to it"
        );
        let spec = registry::spec(ty);
        assert_eq!(spec.ty, ty, "{ty:?} declares the form of another type");
        assert_eq!(spec.has_sales, registry::get(ty).sales().is_some());
        assert_eq!(spec.has_tokens, registry::get(ty).tokens().is_some());
        assert_eq!(spec.tokens_elsewhere, spec.has_tokens);
    }
    let specs = registry::specs();
    assert_eq!(specs.len(), IntegrationType::ALL.len());
}

#[test]
fn every_catalogue_key_of_every_type_exists_in_every_language() {
    for spec in registry::specs() {
        let mut keys = vec![spec.name_key.clone(), spec.summary_key.clone(), spec.before_key.clone()];
        for f in &spec.fields {
            keys.push(f.label_key.clone());
            keys.extend(f.help_key.clone());
        }
        for l in LOCALES {
            for k in &keys {
                assert!(l.catalogue().contains_key(k), "{}: missing {k}", l.tag());
            }
        }
        // The connection test's success message.
        let ok = format!("test.ok.{}", spec.ty.as_str());
        for l in LOCALES {
            assert!(l.catalogue().contains_key(&ok), "{}: missing {ok}", l.tag());
        }
    }
}

#[test]
fn field_keys_are_unique_per_type() {
    for spec in registry::specs() {
        let keys: BTreeSet<&str> = spec.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys.len(), spec.fields.len(), "{:?}", spec.ty);
        assert!(
            spec.secret_keys()
                .all(|k| spec.field(k).is_some_and(|f| f.kind == FieldKind::Secret)),
            "{:?}",
            spec.ty
        );
    }
}

#[test]
fn presets_only_fill_declared_non_secret_fields_with_valid_values() {
    assert!(presets::all().len() >= 2);
    for p in presets::all() {
        let mut issues = Vec::new();
        integration_types::validate_values(&registry::spec(p.ty), &p.values, &mut issues);
        let unexpected: Vec<_> = issues.iter().filter(|i| i.key != "error.field.required").collect();
        assert!(unexpected.is_empty(), "{}: {unexpected:?}", p.id);
    }
}
