//! Markdown rendering under arbitrary text, weighted towards what attacks or breaks a page:
//! raw HTML, links and images of every scheme, autolinks, entities, headings and fences. The
//! result is refused with a reason, or is HTML that tokenizes cleanly and links safely.

use std::sync::Mutex;

use notice_core::render::markdown::{Memo, render, render_inline};
use notice_core::slug::IdAllocator;
use proptest::prelude::*;

use crate::support::{assert_safe_html, config};

/// Pieces of Markdown that matter for safety, and arbitrary text between them.
fn piece() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "https://",
        "http://",
        "mailto:",
        "tel:",
        "javascript:",
        "JaVaScRiPt:",
        "data:",
        "vbscript:",
        "file://",
        "//",
        "",
        " javascript:",
        "java\tscript:",
        "&#106;avascript:",
    ]);
    prop_oneof![
        any::<String>(),
        "\\PC{0,20}",
        (scheme.clone(), "\\PC{0,10}").prop_map(|(s, t)| format!("[link]({s}{t})")),
        (scheme.clone(), "\\PC{0,10}").prop_map(|(s, t)| format!("![image]({s}{t})")),
        (scheme, "[a-z.]{0,10}").prop_map(|(s, t)| format!("<{s}{t}>")),
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:x\">a</a>".to_string()),
        Just("\n\n# Otsikko\n\n".to_string()),
        Just("\n```\n<b>code</b>\n```\n".to_string()),
        Just("&lt;&#x3C;&amp;&quot;".to_string()),
        Just("\n| a | b |\n|---|---|\n| <i> | x |\n".to_string()),
        Just("[ref]\n\n[ref]: javascript:alert(1)\n".to_string()),
        Just("www.example.fi and foo@example.fi".to_string()),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..6).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn markdown_is_refused_or_safe_html(text in markdown(), offset in 1u8..4) {
        let fresh = || Mutex::new(IdAllocator::default());
        let memo = Memo::default();
        let first = render(&text, &fresh(), offset, &memo);
        if let Ok(html) = &first {
            let tokens = assert_safe_html(html);
            prop_assert!(tokens.tags.iter().all(|(name, _)| name != "script"), "{html}");
        }
        // Whatever the memo kept, a second rendering gives exactly the first.
        prop_assert_eq!(render(&text, &fresh(), offset, &memo), first);
        if let Ok(html) = render_inline(&text, &fresh(), &memo) {
            assert_safe_html(&html);
        }
    }
}
