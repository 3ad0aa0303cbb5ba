//! Page furniture the HTML reader leaves out (menus, banners, share widgets, skip links), and
//! the one obfuscation it undoes (Cloudflare's hidden e-mail addresses).

use scraper::ElementRef;

/// Elements that are never the notice's text.
const DROPPED_TAGS: &[&str] = &[
    "nav", "footer", "aside", "script", "style", "noscript", "form", "template", "svg", "iframe",
    "button", "select", "input", "textarea", "object", "embed", "canvas", "dialog", "img",
    "picture", "video", "audio", "map", "head", "title", "meta", "link",
];

/// Parts of class names and ids that mark page furniture: cookie and consent banners (the
/// common WordPress plugins by name), share widgets, skip links, comment areas, sidebars.
const DROPPED_CLASS_PARTS: &[&str] = &[
    "cookie-banner",
    "cookie-notice",
    "cookie-consent",
    "cookie-bar",
    "cookie-law",
    "cookie-popup",
    "cookieconsent",
    "cookiebanner",
    "cookienotice",
    "cookiebot",
    "cookieyes",
    "cky-consent",
    "cmplz",
    "consent-banner",
    "consent-manager",
    "consent-popup",
    "gdpr-cookie",
    "moove-gdpr",
    "moove_gdpr",
    "share",
    "sharing",
    "sharedaddy",
    "addtoany",
    "a2a_",
    "sfsi",
    "social",
    "skip-link",
    "screen-reader-text",
    "back-to-top",
    "scroll-top",
    "scrolltop",
    "to-top",
    "breadcrumb",
    "relatedposts",
    "related-posts",
    "comments",
    "comment-respond",
    "post-navigation",
    "nav-links",
    "sidebar",
    "widget-area",
];

/// Link texts of in-page navigation, in Finnish, Swedish and English.
const NAVIGATION_LINKS: &[&str] = &[
    "siirry sisältöön",
    "hyppää sisältöön",
    "siirry pääsisältöön",
    "takaisin ylös",
    "takaisin alkuun",
    "ylös",
    "alkuun",
    "hoppa till innehållet",
    "hoppa till innehåll",
    "till toppen",
    "tillbaka till toppen",
    "upp",
    "skip to content",
    "skip to main content",
    "back to top",
    "scroll to top",
    "top",
];

/// Whether `element` is page furniture rather than the notice.
pub(super) fn dropped(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let name = value.name();
    if DROPPED_TAGS.contains(&name) || value.attr("hidden").is_some() {
        return true;
    }
    // An article's own header holds its title; the page's header holds the site's menu.
    if name == "header" {
        return !element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|ancestor| matches!(ancestor.value().name(), "article" | "main"));
    }
    let marked = value
        .classes()
        .chain(value.id())
        .map(str::to_ascii_lowercase)
        .any(|token| DROPPED_CLASS_PARTS.iter().any(|part| token.contains(part)));
    marked || (name == "a" && is_navigation_link(element))
}

fn is_navigation_link(link: ElementRef<'_>) -> bool {
    let href = link.value().attr("href").unwrap_or("").trim();
    let text = link.text().collect::<String>();
    let text = text
        .trim()
        .trim_end_matches(['↑', '^', '›', '»'])
        .trim()
        .to_lowercase();
    (href.is_empty() || href.starts_with('#')) && NAVIGATION_LINKS.contains(&text.as_str())
}

/// An address hidden by Cloudflare's e-mail obfuscation (`data-cfemail`): hex bytes, the first
/// a key XORed with the rest. The page's script shows the decoded address; so does the import.
pub(super) fn cloudflare_email(encoded: &str) -> Option<String> {
    let bytes: Vec<u8> = (0..encoded.len())
        .step_by(2)
        .map(|index| u8::from_str_radix(encoded.get(index..index + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    let (key, rest) = bytes.split_first()?;
    let decoded = String::from_utf8(rest.iter().map(|byte| byte ^ key).collect()).ok()?;
    (decoded.contains('@') && !decoded.chars().any(char::is_control)).then_some(decoded)
}
