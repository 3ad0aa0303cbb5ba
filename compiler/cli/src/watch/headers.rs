//! The headers the preview server sends: those `netlify.toml` deploys for every path
//! (`[[headers]] for = "/*"`), with the only relaxation the reload script needs.

use std::path::Path;

use notice_core::diagnostic::Diagnostic;

/// The deployed policy when `netlify.toml` has none.
const DEFAULT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The headers `netlify.toml` sends for every path, with the only relaxation the reload
/// script needs: scripts and connections to this same origin.
pub(super) fn deployed_headers(root: &Path) -> (Vec<(String, String)>, Vec<Diagnostic>) {
    let path = root.join("netlify.toml");
    let mut warnings = Vec::new();
    let mut headers: Vec<(String, String)> = match read_netlify_headers(&path) {
        Ok(headers) => headers,
        Err(problem) => {
            warnings.push(
                Diagnostic::warning(format!(
                    "serving with the default strict headers: {problem}"
                ))
                .at_path(notice_core::source::display_path(&path)),
            );
            vec![(
                "Content-Security-Policy".to_string(),
                DEFAULT_CSP.to_string(),
            )]
        }
    };
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-security-policy"))
    {
        headers.push((
            "Content-Security-Policy".to_string(),
            DEFAULT_CSP.to_string(),
        ));
    }
    for (name, value) in &mut headers {
        if name.eq_ignore_ascii_case("content-security-policy") {
            *value = allow_reload(value);
        }
    }
    (headers, warnings)
}

fn read_netlify_headers(path: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("cannot read it: {err}"))?;
    let config: toml::Table = text
        .parse()
        .map_err(|err: toml::de::Error| format!("invalid TOML: {}", err.message()))?;
    let rules = config
        .get("headers")
        .and_then(toml::Value::as_array)
        .ok_or("it has no [[headers]]")?;
    let mut headers = Vec::new();
    for rule in rules {
        if rule.get("for").and_then(toml::Value::as_str) != Some("/*") {
            continue;
        }
        let Some(values) = rule.get("values").and_then(toml::Value::as_table) else {
            continue;
        };
        for (name, value) in values {
            if let Some(value) = value.as_str() {
                headers.push((name.clone(), value.to_string()));
            }
        }
    }
    if headers.is_empty() {
        return Err("no [[headers]] for \"/*\"".to_string());
    }
    Ok(headers)
}

/// The policy with `script-src 'self'; connect-src 'self'` in place of any it had.
fn allow_reload(policy: &str) -> String {
    let mut directives: Vec<&str> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .filter(|d| {
            let name = d.split_whitespace().next().unwrap_or_default();
            name != "script-src" && name != "connect-src"
        })
        .collect();
    directives.extend(["script-src 'self'", "connect-src 'self'"]);
    directives.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reload_relaxation_replaces_script_and_connect_sources() {
        assert_eq!(
            allow_reload("default-src 'none'; script-src 'none'; style-src 'self'"),
            "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'"
        );
    }
}
