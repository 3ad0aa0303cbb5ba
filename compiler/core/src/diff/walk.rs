//! The notice walked in page order: each section compared with the rule that fits it (fields,
//! an optional section, or a list matched by id), then the custom sections and every intro.

use super::compare::{Differ, Place};
use super::fields::{self, TextRule};
use super::{ChangeKind, Reason, Scalar, SectionKey, Side};
use crate::model::{Notice, Section};

impl Differ {
    pub(super) fn notice(&mut self, old: Side<'_>, new: Side<'_>) {
        let (o, n) = (old.notice, new.notice);
        let page = Place::section(SectionKey::Page);
        self.value(
            &page,
            "languages",
            Some(Scalar::Languages(old.languages.to_vec())),
            Some(Scalar::Languages(new.languages.to_vec())),
            Reason::LanguagesChanged,
        );
        self.fields(&page, o, n, &fields::page());
        self.parties(o, n);
        self.processing(o, n);
        self.statements(o, n);
        self.list(SectionKey::Custom(String::new()), &o.sections, &n.sections);
        for section in Section::ALL {
            self.text(
                &Place::section(SectionKey::Standard(section)),
                "intro",
                section.intro(o),
                section.intro(n),
                TextRule::Wording,
            );
        }
    }

    /// The controller, the people to contact and the register's name.
    fn parties(&mut self, o: &Notice, n: &Notice) {
        let standard = |key| Place::section(SectionKey::Standard(key));
        self.fields(
            &standard(Section::Controller),
            &o.controller,
            &n.controller,
            &fields::controller(),
        );
        self.section(
            Section::Contact,
            o.contact.as_ref(),
            n.contact.as_ref(),
            Reason::InformationAdded,
            &fields::person(),
        );
        self.section(
            Section::Dpo,
            o.dpo.as_ref(),
            n.dpo.as_ref(),
            Reason::InformationAdded,
            &fields::person(),
        );
        self.fields(
            &standard(Section::RegisterName),
            o,
            n,
            &fields::register_name(),
        );
    }

    /// What is processed, from where, for whom and for how long.
    fn processing(&mut self, o: &Notice, n: &Notice) {
        let standard = |key| Place::section(SectionKey::Standard(key));
        self.list(
            SectionKey::Standard(Section::Purposes),
            &o.purposes,
            &n.purposes,
        );
        self.list(
            SectionKey::Standard(Section::DataCategories),
            &o.data_categories,
            &n.data_categories,
        );
        self.list(
            SectionKey::Standard(Section::Sources),
            &o.sources,
            &n.sources,
        );
        self.list(
            SectionKey::Standard(Section::Recipients),
            &o.recipients,
            &n.recipients,
        );
        self.list(
            SectionKey::Standard(Section::Transfers),
            &o.transfers,
            &n.transfers,
        );
        self.fields(&standard(Section::Retention), o, n, &fields::retention());
        self.none_statement(
            &standard(Section::Recipients),
            o.none.recipients,
            n.none.recipients,
        );
        self.none_statement(
            &standard(Section::Transfers),
            o.none.transfers,
            n.none.transfers,
        );
        // The children's consent paragraph is shown in the purposes section.
        let purposes = standard(Section::Purposes);
        match (&o.children, &n.children) {
            (None, None) => {}
            (None, Some(_)) => {
                self.push_field(
                    &purposes,
                    "children",
                    ChangeKind::Added,
                    Reason::InformationAdded,
                );
            }
            (Some(_), None) => {
                self.push_field(&purposes, "children", ChangeKind::Removed, Reason::Removal);
            }
            (Some(old), Some(new)) => {
                self.age_limit(&purposes, old.age_limit, new.age_limit);
                self.fields(&purposes, old, new, &fields::children());
            }
        }
    }

    /// The statements and lists every notice makes, and the supervisory authority.
    fn statements(&mut self, o: &Notice, n: &Notice) {
        let requirement = (o.data_requirement.as_ref(), n.data_requirement.as_ref());
        self.section(
            Section::DataRequirement,
            requirement.0,
            requirement.1,
            Reason::InformationAdded,
            &fields::data_requirement(),
        );
        let automated = (
            o.automated_decisions.as_ref(),
            n.automated_decisions.as_ref(),
        );
        let introduced = if automated.1.is_some_and(|a| a.used) {
            Reason::AutomatedDecisionsIntroduced
        } else {
            Reason::InformationAdded
        };
        self.section(
            Section::AutomatedDecisions,
            automated.0,
            automated.1,
            introduced,
            &fields::automated_decisions(),
        );
        self.list(
            SectionKey::Standard(Section::Cookies),
            &o.cookies,
            &n.cookies,
        );
        self.none_statement(
            &Place::section(SectionKey::Standard(Section::Cookies)),
            o.none.cookies,
            n.none.cookies,
        );
        self.section(
            Section::Security,
            o.security.as_ref(),
            n.security.as_ref(),
            Reason::InformationAdded,
            &fields::security(),
        );
        if let (Some(old), Some(new)) = (&o.security, &n.security) {
            self.measures(
                &Place::section(SectionKey::Standard(Section::Security)),
                &old.measures,
                &new.measures,
            );
        }
        self.list(SectionKey::Standard(Section::Rights), &o.rights, &n.rights);
        self.section(
            Section::Authority,
            o.authority.as_ref(),
            n.authority.as_ref(),
            Reason::InformationAdded,
            &fields::authority(),
        );
    }
}
