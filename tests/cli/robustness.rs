//! The compiler never panics on input: every prefix of real sources is either built or rejected
//! with a diagnostic, and `notice check` either checks it or reports it as unreadable.

use notice_core::build::{RenderRequest, render_sites};
use notice_core::check::{CheckOptions, check};
use notice_core::workspace::Workspace;

use crate::support::Project;

#[test]
fn truncated_sources_never_panic() {
    let project = Project::examples();
    let files = [
        "content/kahvila-aurinko/notice.toml",
        "content/_shared/toimisto-verkkoapu.toml",
    ];
    for file in files {
        let original = project.read(file);
        let boundaries: Vec<usize> = (0..original.len())
            .step_by(23)
            .filter(|&i| original.is_char_boundary(i))
            .collect();
        for cut in boundaries {
            project.write(file, &original[..cut]);
            let workspace = Workspace::open(project.path())
                .unwrap_or_else(|failure| panic!("{file} cut at {cut}: {failure:?}"));
            let outcome = workspace
                .select(&["kahvila-aurinko".to_string()])
                .and_then(|sites| {
                    let request = RenderRequest {
                        sites: &sites,
                        with_index: false,
                        drafts: true,
                        cache: None,
                    };
                    render_sites(&workspace, &request).map(|_| ())
                });
            if let Err(failure) = outcome {
                assert_eq!(
                    failure.kind.exit_code(),
                    65,
                    "{file} cut at {cut}: {failure:?}"
                );
                assert!(!failure.diagnostics.is_empty());
            }
            let report = check(
                &workspace,
                &CheckOptions {
                    sites: vec!["kahvila-aurinko".to_string()],
                },
            )
            .unwrap_or_else(|failure| panic!("{file} cut at {cut}: {failure:?}"));
            if let Some(broken) = report.load_failure() {
                assert_eq!(broken.kind.exit_code(), 65, "{file} cut at {cut}");
            }
        }
        project.write(file, &original);
    }
}
