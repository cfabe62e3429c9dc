//! The types that cross IPC export to TypeScript with the app's exporter, with its default of
//! refusing 64-bit integers (which JSON numbers cannot hold exactly).

use specta::TypeCollection;
use specta_typescript::Typescript;
use zos_mdsearch::*;

#[test]
fn ipc_types_export_to_typescript() {
    let mut types = TypeCollection::default();
    types
        .register::<Query>()
        .register::<ParseError>()
        .register::<SearchOptions>()
        .register::<OptionsError>()
        .register::<PatternError>();
    let ts = Typescript::default().export(&types).expect("exports without bigint");
    // Exported with a "Search" prefix: the app's bindings hold other Query/Condition/ParseError types.
    for name in ["Query", "Expr", "Condition", "Field", "Op", "Value", "ParseErrorKind", "Mode", "Order"] {
        let name = format!("Search{name}");
        assert!(ts.contains(&format!("export type {name} ")), "{name} missing in:\n{ts}");
    }
    if std::env::var_os("PRINT_TS").is_some() {
        println!("{ts}");
    }
}
