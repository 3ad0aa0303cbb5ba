//! The headers the preview server sends: those `netlify.toml` deploys for every path
//! (`[[headers]] for = "/*"`), each checked when the file is read so that it can be sent, with the
//! only relaxation the reload script needs.

use std::path::Path;

use notice_core::diagnostic::Diagnostic;
use notice_core::source::{self, Node, SourceFile, Value, display_path};

/// The deployed policy when `netlify.toml` has none.
const DEFAULT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Header names and values as `netlify.toml` gives them, in its order.
type Pairs = Vec<(String, String)>;

/// The headers for every response, and the problems met in `netlify.toml`: a header that cannot
/// be sent is skipped with an error naming its place; a file that cannot be used at all gives a
/// warning and the default strict policy.
pub(super) fn deployed_headers(root: &Path) -> (Pairs, Vec<Diagnostic>) {
    let path = root.join("netlify.toml");
    let (mut headers, problems) = match read_netlify_headers(&path) {
        Ok(read) => read,
        Err(fallback) => (Vec::new(), vec![fallback]),
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
    // Every name and value was checked by `sendable_value`: a token, and visible ASCII.
    let sendable = headers
        .into_iter()
        .map(|(name, value)| {
            let value = if name.eq_ignore_ascii_case("content-security-policy") {
                allow_reload(&value)
            } else {
                value
            };
            (name, value)
        })
        .collect();
    (sendable, problems)
}

/// The headers of `[[headers]] for = "/*"` that can be sent, and an error for each one that
/// cannot. `Err` is the warning for a file that gives no headers at all.
fn read_netlify_headers(path: &Path) -> Result<(Pairs, Vec<Diagnostic>), Diagnostic> {
    let shown = display_path(path);
    let fallback = |problem: &str| {
        Diagnostic::warning(format!(
            "serving with the default strict headers: {problem}"
        ))
    };
    let text = std::fs::read_to_string(path)
        .map_err(|err| fallback(&format!("cannot read it: {err}")).at_path(shown.as_str()))?;
    let file = SourceFile::new(shown.as_str(), text);
    let config = source::parse(&file).map_err(|invalid| {
        let warning = fallback(&invalid.message);
        match &invalid.origin {
            Some(origin) => warning.at(origin),
            None => warning.at_path(shown.as_str()),
        }
    })?;
    let rules = match config.as_table().and_then(|t| t.get("headers")) {
        Some(entry) => match &entry.node.value {
            Value::Array(rules) => rules,
            _ => return Err(fallback("it has no [[headers]]").at(&entry.node.origin)),
        },
        None => return Err(fallback("it has no [[headers]]").at_path(shown.as_str())),
    };
    let mut headers = Vec::new();
    let mut problems = Vec::new();
    for rule in rules.iter().filter_map(Node::as_table) {
        if rule.get("for").and_then(|e| e.node.as_str()) != Some("/*") {
            continue;
        }
        let Some(values) = rule.get("values").and_then(|e| e.node.as_table()) else {
            continue;
        };
        for (name, entry) in values {
            match sendable_value(name, &entry.node) {
                Ok(value) => headers.push((name.clone(), value.to_string())),
                Err(Problem::Name(why)) => problems.push(
                    skipped(format!(
                        "header name `{name}` in netlify.toml cannot be sent: {why}"
                    ))
                    .at(&entry.key_origin)
                    .help("a header name is ASCII letters, digits and !#$%&'*+-.^_`|~"),
                ),
                Err(Problem::Value(why)) => problems.push(
                    skipped(format!(
                        "the value of header `{name}` in netlify.toml cannot be sent: {why}"
                    ))
                    .at(&entry.node.origin)
                    .help(
                        "a header value is a string of visible ASCII characters, spaces and tabs",
                    ),
                ),
            }
        }
    }
    if headers.is_empty() && problems.is_empty() {
        return Err(fallback("no [[headers]] for \"/*\"").at_path(shown.as_str()));
    }
    Ok((headers, problems))
}

fn skipped(message: String) -> Diagnostic {
    Diagnostic::error(message).note("the preview server sends the other headers without it")
}

enum Problem {
    Name(String),
    Value(String),
}

/// A header's value from `netlify.toml`, or why the header cannot be sent. Names are RFC 9110
/// tokens; values are visible ASCII, spaces and tabs: a header is ASCII, and a line break
/// would end the header early and start another.
fn sendable_value<'a>(name: &str, value: &'a Node) -> Result<&'a str, Problem> {
    if name.is_empty() {
        return Err(Problem::Name("it is empty".to_string()));
    }
    if let Some(bad) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)))
    {
        return Err(Problem::Name(format!(
            "{} is not allowed in a header name",
            describe(bad)
        )));
    }
    let Value::String(value) = &value.value else {
        return Err(Problem::Value(format!(
            "expected a string, found {}",
            value.value.type_name()
        )));
    };
    match value
        .chars()
        .find(|&c| !(c == '\t' || (' '..='~').contains(&c)))
    {
        Some(bad) => Err(Problem::Value(format!(
            "{} is not allowed in a header value",
            describe(bad)
        ))),
        None => Ok(value),
    }
}

/// A character as a message shows it: printable ones quoted, with their code point.
fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    if c.is_control() || c.is_whitespace() {
        code
    } else {
        format!("`{c}` ({code})")
    }
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

    fn read(netlify: &str) -> (Vec<(String, String)>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("netlify.toml"), netlify).unwrap();
        let (headers, problems) = deployed_headers(dir.path());
        let problems = problems
            .iter()
            .map(|p| {
                let at = p.origin.as_ref().map(|o| o.line_col());
                format!("{:?} {at:?} {}", p.severity, p.message)
            })
            .collect();
        (headers, problems)
    }

    #[test]
    fn headers_that_cannot_be_sent_are_reported_where_they_are_and_skipped() {
        let (headers, problems) = read(concat!(
            "[[headers]]\n",
            "  for = \"/*\"\n",
            "  [headers.values]\n",
            "    Referrer-Policy = \"no-referrer\"\n",
            "    X-Huom = \"tietosuoja – ä\"\n",
            "    X-Split = \"a\\r\\nSet-Cookie: x=1\"\n",
            "    \"X Space\" = \"v\"\n",
            "    \"\" = \"v\"\n",
            "    X-Number = 1\n",
            "    X-Tab = \"a\\tb\"\n",
        ));
        let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Referrer-Policy", "X-Tab", "Content-Security-Policy"],
            "{headers:?}"
        );
        assert_eq!(
            problems,
            [
                "Error Some((5, 14)) the value of header `X-Huom` in netlify.toml cannot be sent: `–` (U+2013) is not allowed in a header value",
                "Error Some((6, 15)) the value of header `X-Split` in netlify.toml cannot be sent: U+000D is not allowed in a header value",
                "Error Some((7, 5)) header name `X Space` in netlify.toml cannot be sent: U+0020 is not allowed in a header name",
                "Error Some((8, 5)) header name `` in netlify.toml cannot be sent: it is empty",
                "Error Some((9, 16)) the value of header `X-Number` in netlify.toml cannot be sent: expected a string, found integer",
            ]
        );
    }

    #[test]
    fn a_file_without_usable_headers_falls_back_to_the_default_policy_with_a_warning() {
        for (netlify, problem) in [
            ("[build]\npublish = \"site\"\n", "it has no [[headers]]"),
            (
                "[[headers]]\nfor = \"/a\"\nvalues = { X-A = \"b\" }\n",
                "no [[headers]] for \"/*\"",
            ),
            ("[[headers]\n", "invalid TOML"),
        ] {
            let (headers, problems) = read(netlify);
            assert_eq!(
                headers,
                [(
                    "Content-Security-Policy".to_string(),
                    allow_reload(DEFAULT_CSP)
                )],
                "{netlify}"
            );
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].starts_with("Warning")
                    && problems[0].contains(&format!(
                        "serving with the default strict headers: {problem}"
                    )),
                "{problems:?}"
            );
        }
    }
}
