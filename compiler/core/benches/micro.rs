//! Criterion micro-benchmarks of the build's inner steps, on the example content:
//! merging layers, Markdown, rendering a notice page through the theme, and the diff of two
//! released versions of about 25 KB each, and parsing such a snapshot (the largest share of a
//! full build with history), and a released site rendered, against the same site taken from the
//! page cache.
//! `cargo bench -p notice-core --bench micro`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use criterion::{Criterion, criterion_group, criterion_main};
use notice_core::build::BuildContext;
use notice_core::diff::{self, Side};
use notice_core::history::{Version, notice_table, read_history, read_snapshot_file};
use notice_core::load::{Layers, load_site};
use notice_core::merge::merge_table;
use notice_core::output::guard;
use notice_core::page_cache::PageCache;
use notice_core::project::Project;
use notice_core::render::markdown;
use notice_core::render::{NoticePage, Status, Theme, render_notice};
use notice_core::slug::IdAllocator;
use notice_core::source::{SourceFile, Table, Value, parse};
use notice_core::workspace::Workspace;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A source file parsed into its table, `extends` taken out as the loader does.
fn table(relative: &str) -> Table {
    let text = std::fs::read_to_string(repo().join(relative)).expect("example content");
    let node = parse(&SourceFile::new(relative, text)).expect("parses");
    let Value::Table(mut table) = node.value else {
        unreachable!("a TOML document is a table")
    };
    table.shift_remove("extends");
    table
}

/// fi-standard, then the agency layer, then the café's own file: what `load_site` merges.
fn merge(c: &mut Criterion) {
    let files = [
        table("content/_shared/fi-standard.toml"),
        table("content/_shared/toimisto-verkkoapu.toml"),
        table("content/kahvila-aurinko/notice.toml"),
    ];
    c.bench_function("merge/two layers and a site", |b| {
        b.iter(|| {
            let mut merged = Table::new();
            for file in &files {
                merge_table(&mut merged, black_box(file).clone(), "").unwrap();
            }
            merged
        })
    });
}

const MARKDOWN: &str = "Kerromme tässä, mitä tietoja tarvitsemme, kun varaat pöydän, ja miten niitä \
käsittelemme. Lyhyesti:\n\n- pyydämme vain varauksen hoitamiseen tarvittavat tiedot\n- \
allergiatiedot annat *vapaaehtoisesti*\n- kysy lisää: [tietosuoja@aurinko.example](mailto:tietosuoja@aurinko.example) \
tai katso [oikeutesi](#oikeudet)\n\n## Varaustiedot\n\n| Tieto | Pakollinen |\n|---|---|\n\
| Nimi | kyllä |\n| Puhelinnumero tai sähköpostiosoite | kyllä |\n| Lisätiedot | ei |\n\n\
Lisätietoja osoitteessa www.aurinko.example.\n";

const CODE: &str = "Esimerkki lähteestä:\n\n```toml\n[controller]\nname = \"Esimerkki Oy\" # nimi\nbusiness_id = \"3326815-0\"\n```\n";

fn markdown(c: &mut Criterion) {
    // A new memo each time: this measures rendering, not the memo's lookup.
    let render = |text: &str| {
        let ids = Mutex::new(IdAllocator::default());
        markdown::render(black_box(text), &ids, 2, &markdown::Memo::default()).unwrap()
    };
    c.bench_function("markdown/list, table, links, heading", |b| {
        b.iter(|| render(MARKDOWN))
    });
    c.bench_function("markdown/highlighted TOML code", |b| {
        b.iter(|| render(CODE))
    });
}

/// The café's notice page in Finnish, Swedish and English, from its merged sources.
fn template(c: &mut Criterion) {
    let project = Project::open(&repo()).expect("the example project");
    let theme = Theme::load(&project).expect("the default theme");
    let layers = Layers::load(&project);
    let entry = project
        .sites
        .iter()
        .find(|s| s.name == "kahvila-aurinko")
        .expect("the café");
    let site = load_site(&project, &layers, entry).expect("loads");
    let page = NoticePage {
        site: &site,
        status: Status::Unreleased,
        current_languages: &site.languages,
        change_log: false,
    };
    c.bench_function("template/notice page, 3 languages", |b| {
        b.iter(|| render_notice(&project, &theme, black_box(&page)).unwrap())
    });
}

/// The two sides of a diff between versions.
fn sides<'a>(old: &'a Version, new: &'a Version) -> (Side<'a>, Side<'a>) {
    let side = |version: &'a Version| Side {
        notice: &version.site.notice,
        languages: &version.site.languages,
    };
    (side(old), side(new))
}

/// Two released versions of the café's notice (28 and 30 KB of TOML). The diff must come out
/// the same every time, however busy the machine: checked before it is timed.
fn diff_versions(c: &mut Criterion) {
    let history = repo().join("content/kahvila-aurinko/history");
    let read = |file: &str| read_snapshot_file(&history.join(file)).expect("a version");
    let (old, new) = (read("2025-01-01.toml"), read("2025-12-01.toml"));
    let (a, b) = sides(&old, &new);
    let reference = diff::diff(a, b);
    assert!(!reference.is_empty(), "the versions differ");
    for _ in 0..200 {
        let (a, b) = sides(&old, &new);
        assert_eq!(diff::diff(a, b), reference, "the diff is deterministic");
    }
    c.bench_function("diff/two 25 KB notices", |bench| {
        bench.iter(|| {
            let (a, b) = sides(black_box(&old), black_box(&new));
            diff::diff(a, b)
        })
    });
    // What `notice diff OLD NEW` does with two snapshot files: read, parse and type both.
    c.bench_function(
        "diff/two 25 KB snapshot files, read and compared",
        |bench| {
            bench.iter(|| {
                let (old, new) = (read("2025-01-01.toml"), read("2025-12-01.toml"));
                let (a, b) = sides(&old, &new);
                diff::diff(a, b)
            })
        },
    );
}

/// One released version of the café's notice: its TOML text into the tree of nodes with
/// origins, then that tree typed as a notice. A full build does this for every version of
/// every site.
fn parse_snapshot(c: &mut Criterion) {
    let path = repo().join("content/kahvila-aurinko/history/2025-12-01.toml");
    let text = std::fs::read_to_string(&path).expect("a snapshot");
    c.bench_function("history/parse a 30 KB snapshot into nodes", |b| {
        b.iter(|| {
            parse(&SourceFile::new(
                "2025-12-01.toml",
                black_box(&text).clone(),
            ))
            .unwrap()
        })
    });
    c.bench_function("history/read, verify and type a snapshot file", |b| {
        b.iter(|| read_snapshot_file(black_box(&path)).unwrap())
    });
}

/// A released site as a build makes it, rendered and from the page cache, and the two steps a
/// cached build still takes per site: keying its snapshots and emitting its sources' table.
fn page_cache(c: &mut Criterion) {
    let project_dir = tempfile::tempdir().expect("a temporary folder");
    let copy = std::process::Command::new("cp")
        .arg("-r")
        .arg(repo().join("content"))
        .arg(project_dir.path())
        .status()
        .expect("cp");
    assert!(copy.success());
    let workspace = Workspace::open(project_dir.path()).expect("the example project");
    let theme = Theme::load(workspace.project()).expect("the default theme");
    let dir = guard::cache_dir(project_dir.path(), &project_dir.path().join("cache")).unwrap();
    let cache = PageCache::new(dir, workspace.project(), &theme);
    let site = workspace.select(&["kahvila-aurinko".to_string()]).unwrap();
    let entry = &site[0];
    let context = |cache| BuildContext {
        workspace: &workspace,
        theme: &theme,
        drafts: false,
        cache,
    };
    // Fills the entry the cached runs read.
    context(Some(&cache)).site(entry).unwrap();
    c.bench_function(
        "page cache/a released site rendered (four versions, every language)",
        |b| b.iter(|| context(None).site(black_box(entry)).unwrap()),
    );
    c.bench_function("page cache/the same site from its entry", |b| {
        b.iter(|| context(Some(&cache)).site(black_box(entry)).unwrap())
    });
    c.bench_function("page cache/read and key a site's snapshots", |b| {
        b.iter(|| {
            let snapshots = read_history(workspace.project(), black_box(&entry.name)).unwrap();
            cache.key(&entry.name, &snapshots).unwrap()
        })
    });
    let sources = workspace.load(entry).unwrap();
    c.bench_function("page cache/the sources' [notice] table, to compare", |b| {
        b.iter(|| notice_table(black_box(&sources)))
    });
}

criterion_group!(
    benches,
    merge,
    markdown,
    template,
    diff_versions,
    parse_snapshot,
    page_cache
);
criterion_main!(benches);
