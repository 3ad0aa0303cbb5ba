//! netlify.toml builds with the release binary, publishes site/ and sends the strict headers.

use crate::support::repo_root;

#[test]
fn netlify_publishes_site_with_strict_headers() {
    let text = std::fs::read_to_string(repo_root().join("netlify.toml")).unwrap();
    let config: toml::Table = toml::from_str(&text).unwrap();
    let build = config["build"].as_table().unwrap();
    assert_eq!(build["publish"].as_str(), Some("site"));
    assert!(
        build["command"]
            .as_str()
            .unwrap()
            .contains("--release -- build")
    );
    let headers = config["headers"].as_array().unwrap();
    let all = headers
        .iter()
        .find(|h| h["for"].as_str() == Some("/*"))
        .expect("headers for /*");
    let values = all["values"].as_table().unwrap();
    assert_eq!(
        values["Content-Security-Policy"].as_str(),
        Some(
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
    );
    assert_eq!(values["Referrer-Policy"].as_str(), Some("no-referrer"));
    assert_eq!(values["X-Content-Type-Options"].as_str(), Some("nosniff"));
}
