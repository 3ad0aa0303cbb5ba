//! A register table: the modern notice's "Tietoryhmä | Käyttötarkoitus | Oikeusperuste |
//! Säilytysaika", one row per purpose. Its header names the columns; each row becomes a
//! purpose (title, basis, retention) and its data a data category, the row's data kept in the
//! purpose's description so that what is processed for what stays together.

use super::assemble::{escape_markdown, strip_emphasis};
use super::document::{Block, BlockKind};
use super::draft::{Draft, Field};
use super::items::new_id;
use super::statements;
use crate::model::Section;

/// What a register table's column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// The data processed ("Tietoryhmä", "Personuppgifter", "Data").
    Data,
    /// The purpose ("Käyttötarkoitus", "Ändamål", "Purpose").
    Purpose,
    /// The legal basis ("Oikeusperuste", "Rättslig grund", "Legal basis").
    Basis,
    /// How long the data are kept ("Säilytysaika", "Lagringstid", "Retention").
    Retention,
}

/// Header stems in fi, sv and en, the more specific first: "käyttötarkoitus" is a purpose
/// though it holds "tieto"-less words, "oikeusperuste" a basis.
const COLUMNS: &[(&str, Column)] = &[
    ("tarkoitu", Column::Purpose),
    ("ändamål", Column::Purpose),
    ("purpose", Column::Purpose),
    ("peruste", Column::Basis),
    ("grund", Column::Basis),
    ("basis", Column::Basis),
    ("säilytys", Column::Retention),
    ("säilytetään", Column::Retention),
    ("lagring", Column::Retention),
    ("bevara", Column::Retention),
    ("retention", Column::Retention),
    ("storage", Column::Retention),
    ("kept", Column::Retention),
    ("tietoryhm", Column::Data),
    ("henkilötie", Column::Data),
    ("tiedot", Column::Data),
    ("tietosisältö", Column::Data),
    ("uppgifter", Column::Data),
    ("kategori", Column::Data),
    ("data", Column::Data),
];

/// The column a header cell names.
pub(crate) fn column_of(header: &str) -> Option<Column> {
    let lower = strip_emphasis(header).to_lowercase();
    (lower.split_whitespace().count() <= 4)
        .then(|| COLUMNS.iter().find(|(stem, _)| lower.contains(stem)))
        .flatten()
        .map(|(_, column)| *column)
}

/// The columns of a header row, when it heads a register table: a purpose column and at least
/// one other named column.
fn header(cells: &[String]) -> Option<Vec<Option<Column>>> {
    let columns: Vec<Option<Column>> = cells.iter().map(|c| column_of(c)).collect();
    let named = columns.iter().flatten().count();
    (columns.contains(&Some(Column::Purpose)) && named >= 2).then_some(columns)
}

/// For each block, whether it is a row of a register table (its header included).
pub(crate) fn register_rows(blocks: &[Block]) -> Vec<bool> {
    let mut out = vec![false; blocks.len()];
    let mut index = 0;
    while index < blocks.len() {
        let BlockKind::TableRow { cells } = &blocks[index].kind else {
            index += 1;
            continue;
        };
        let end = blocks[index..]
            .iter()
            .position(|b| !matches!(b.kind, BlockKind::TableRow { .. }))
            .map_or(blocks.len(), |n| index + n);
        if header(cells).is_some() {
            out[index..end].iter_mut().for_each(|row| *row = true);
        }
        index = end;
    }
    out
}

/// Takes the register tables out of `blocks` into purposes and data categories; returns the
/// other blocks.
pub(crate) fn take_register_tables(
    draft: &mut Draft,
    blocks: &[Block],
    escape: bool,
) -> Vec<Block> {
    let marks = register_rows(blocks);
    let mut rest = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    for (block, in_table) in blocks.iter().zip(marks) {
        let BlockKind::TableRow { cells } = &block.kind else {
            rest.push(block.clone());
            continue;
        };
        if !in_table {
            rest.push(block.clone());
        } else if let Some(found) = header(cells) {
            columns = found;
            headers = cells.iter().map(|c| strip_emphasis(c)).collect();
            draft.map(&block.lines, "purposes (table header)");
        } else {
            row(draft, block, cells, &columns, &headers, escape);
        }
    }
    rest
}

/// One row: a purpose, and its data as a data category.
fn row(
    draft: &mut Draft,
    block: &Block,
    cells: &[String],
    columns: &[Option<Column>],
    headers: &[String],
    escape: bool,
) {
    let text = |c: &str| {
        if escape {
            escape_markdown(c)
        } else {
            c.to_string()
        }
    };
    let cell = |want: Column| {
        columns
            .iter()
            .position(|c| *c == Some(want))
            .and_then(|i| cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    };
    let Some(purpose) = cell(Column::Purpose) else {
        return;
    };
    let ids = draft.item_ids.entry(Section::Purposes).or_default();
    let mut fields = vec![
        Field::text("id", new_id(ids, Section::Purposes, purpose)),
        Field::text("title", text(purpose)),
    ];
    // Every other cell is kept with its column's name: the data, and a basis or retention
    // the vocabulary does not know, word for word.
    let mut description = Vec::new();
    for (index, value) in cells.iter().enumerate() {
        let value = value.trim();
        let column = columns.get(index).copied().flatten();
        let known_basis = column == Some(Column::Basis)
            && statements::single_basis(value).is_some_and(|(basis, _)| {
                fields.push(Field::text("basis", basis));
                true
            });
        let skip = value.is_empty()
            || column == Some(Column::Purpose)
            || column == Some(Column::Retention)
            || known_basis;
        if !skip {
            let label = headers.get(index).map_or("", String::as_str);
            description.push(format!("**{}:** {}", text(label), text(value)));
        }
    }
    if !description.is_empty() {
        fields.push(Field::text("description", description.join("\n\n")));
    }
    if let Some(retention) = cell(Column::Retention) {
        fields.push(Field::text("retention", text(retention)));
    }
    let index = draft.items(Section::Purposes).len();
    draft.items(Section::Purposes).push(fields);
    draft.map(&block.lines, format!("purposes[{index}]"));
    if let Some(data) = cell(Column::Data) {
        let ids = draft.item_ids.entry(Section::DataCategories).or_default();
        let id = new_id(ids, Section::DataCategories, data);
        draft.items(Section::DataCategories).push(vec![
            Field::text("id", id),
            Field::text("title", text(data)),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_table_headers_name_their_columns_in_every_language() {
        let columns = |cells: &[&str]| cells.iter().map(|c| column_of(c)).collect::<Vec<_>>();
        use Column::*;
        assert_eq!(
            columns(&[
                "Tietoryhmä",
                "Käyttötarkoitus",
                "Oikeusperuste",
                "Säilytysaika"
            ]),
            [Some(Data), Some(Purpose), Some(Basis), Some(Retention)]
        );
        assert_eq!(
            columns(&[
                "Personuppgifter",
                "Ändamål",
                "Rättslig grund",
                "Lagringstid"
            ]),
            [Some(Data), Some(Purpose), Some(Basis), Some(Retention)]
        );
        assert_eq!(
            columns(&["Data", "Purpose", "Legal basis", "Retention period"]),
            [Some(Data), Some(Purpose), Some(Basis), Some(Retention)]
        );
        assert_eq!(columns(&["Kohta", "Sisältö"]), [None, None]);
    }

    #[test]
    fn a_table_without_a_purpose_column_is_no_register_table() {
        let row = |cells: &[&str]| Block {
            kind: BlockKind::TableRow {
                cells: cells.iter().map(|c| c.to_string()).collect(),
            },
            text: cells.join(" | "),
            lines: 1..2,
        };
        assert_eq!(
            register_rows(&[
                row(&["Tietoryhmä", "Käyttötarkoitus"]),
                row(&["Nimi", "Laskutus"])
            ]),
            [true, true]
        );
        assert_eq!(
            register_rows(&[row(&["Kohta", "Sisältö"]), row(&["Rekisterinpitäjä", "Oy"])]),
            [false, false]
        );
    }
}
