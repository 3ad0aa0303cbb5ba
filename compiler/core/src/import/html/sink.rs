//! The parse that remembers lines: scraper's tree sink, wrapped to record the source line each
//! element opens and closes on and each text node ends on, for the blocks' `lines`.
//! (scraper's own `Html` keeps no positions.)

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// A node of the parsed tree.
pub(super) type NodeId = <HtmlTreeSink as TreeSink>::Handle;

/// The first and last source line (1-based) of each node the parser reported.
pub(super) type Lines = HashMap<NodeId, (usize, usize)>;

/// Parses a whole page, as a browser would, recording lines.
pub(super) fn parse(input: &str) -> (Html, Lines) {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        lines: RefCell::new(HashMap::new()),
    };
    html5ever::driver::parse_document(sink, Default::default()).one(input)
}

struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<usize>,
    lines: RefCell<Lines>,
}

impl LineSink {
    /// Widens `node`'s recorded lines to include the parser's current line.
    fn touch(&self, node: NodeId) {
        let line = self.line.get();
        let mut lines = self.lines.borrow_mut();
        let span = lines.entry(node).or_insert((line, line));
        span.0 = span.0.min(line);
        span.1 = span.1.max(line);
    }

    /// The text node that `append` just created or extended under `parent`.
    fn touch_last_child(&self, parent: &NodeId) {
        let child = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*parent)
                .and_then(|node| node.last_child())
                .map(|node| node.id())
        };
        if let Some(child) = child {
            self.touch(child);
        }
    }

    /// The text node that `append_before_sibling` just created or extended.
    fn touch_prev_sibling(&self, sibling: &NodeId) {
        let prev = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*sibling)
                .and_then(|node| node.prev_sibling())
                .map(|node| node.id())
        };
        if let Some(prev) = prev {
            self.touch(prev);
        }
    }
}

impl TreeSink for LineSink {
    type Output = (Html, Lines);
    type Handle = NodeId;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn set_current_line(&self, line_number: u64) {
        self.line
            .set(usize::try_from(line_number).unwrap_or(usize::MAX));
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let node = self.inner.create_element(name, attrs, flags);
        self.touch(node);
        node
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let text = matches!(child, NodeOrText::AppendText(_));
        self.inner.append(parent, child);
        if text {
            self.touch_last_child(parent);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn pop(&self, node: &NodeId) {
        // The element's end tag (or where the parser closed it): its last line.
        self.touch(*node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let text = matches!(new_node, NodeOrText::AppendText(_));
        self.inner.append_before_sibling(sibling, new_node);
        if text {
            self.touch_prev_sibling(sibling);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}
