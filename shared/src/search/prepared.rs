//! A list's search made ready before anyone types (issue 18): each record's searchable text
//! joined and lower-cased once, when the records are read, and the list's order sorted
//! once, so that a keystroke only scans prepared text in an order already known.
//!
//! Every list's filter says what it searches ([`ListFilter::text`]) and what its other
//! choices keep ([`ListFilter::keeps`]); [`ListFilter::matches`] (one record) and
//! [`Prepared::matching`] (a whole list) answer alike by construction.

/// Between two haystacks of one record: no query word contains it, so no word is found
/// across two fields.
const BETWEEN: &str = " \u{1f} ";

/// The haystacks of one record as a search reads them: joined and lower-cased.
pub fn prepare(haystacks: &[&str]) -> Box<str> {
    haystacks.join(BETWEEN).to_lowercase().into_boxed_str()
}

/// What a person typed into a search box: its words, lower-cased. Case-insensitive
/// "every word appears somewhere"; no words matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    /// The words joined by single spaces.
    phrase: String,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
        Query {
            phrase: words.join(" "),
            words,
        }
    }

    /// The words joined by single spaces (`"World  customs"` → `"world customs"`).
    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// Whether everything this query finds, `earlier` finds too: each of `earlier`'s words
    /// is part of one of this query's words (typing on: `"customs 1"` → `"customs 12"`).
    /// A search can then look only among what `earlier` found.
    pub fn narrows(&self, earlier: &Query) -> bool {
        earlier
            .words
            .iter()
            .all(|e| self.words.iter().any(|w| w.contains(e.as_str())))
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether every word appears in `prepared` (text from [`prepare`]).
    pub fn found_in(&self, prepared: &str) -> bool {
        self.words.iter().all(|w| prepared.contains(w.as_str()))
    }
}

/// A list screen's search box and filters over records of one type.
pub trait ListFilter {
    type Record;

    /// What a query searches in `record`, prepared; `related` is text of linked records
    /// (a tool's provider, a project's funders), so that "WCO" finds the WCO's tools.
    fn text(record: &Self::Record, related: &str) -> Box<str>;

    /// What the search box holds.
    fn query(&self) -> &str;

    /// Whether the list's other choices (category, country, status…) keep `record`.
    fn keeps(&self, record: &Self::Record) -> bool;

    /// Whether the list shows `record`: kept by the choices, and every word of the query
    /// in its text.
    fn matches(&self, record: &Self::Record, related: &str) -> bool {
        self.keeps(record) && Query::new(self.query()).found_in(&Self::text(record, related))
    }
}

/// A list's records made ready for searching: the prepared text of each record (by its
/// position in the list as read) and the positions in the order the list shows them.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    text: Vec<Box<str>>,
    order: Vec<u32>,
}

impl Prepared {
    /// `text[i]` is record i's prepared text; the list shows records by ascending `key`
    /// (ties in the order read).
    pub fn new<K: Ord>(text: Vec<Box<str>>, key: impl Fn(usize) -> K) -> Prepared {
        let mut keyed: Vec<(K, u32)> = (0..text.len()).map(|i| (key(i), i as u32)).collect();
        keyed.sort();
        Prepared {
            text,
            order: keyed.into_iter().map(|(_, i)| i).collect(),
        }
    }

    /// The positions of the records that `keep` keeps and whose text holds every word of
    /// `query`, in the list's order.
    pub fn matching(&self, query: &Query, keep: impl Fn(usize) -> bool) -> Vec<u32> {
        self.order
            .iter()
            .copied()
            .filter(|&i| query.found_in(&self.text[i as usize]) && keep(i as usize))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_word_somewhere_in_any_case_and_none_across_two_fields() {
        let text = prepare(&["World Customs Organization", "Brussels"]);
        assert!(Query::new("customs BRUSSELS").found_in(&text));
        assert!(Query::new("").found_in(&text));
        assert!(!Query::new("customs geneva").found_in(&text));
        assert!(!Query::new("organizationbrussels").found_in(&text));
        assert!(!Query::new("organization brussels x").found_in(&text));
    }

    #[test]
    fn typing_on_narrows_a_query_and_deleting_does_not() {
        let q = Query::new;
        assert!(q("customs 12").narrows(&q("customs 1")));
        assert!(q("customs 12").narrows(&q("customs")));
        assert!(q("customs 12").narrows(&q("")));
        assert!(q("12 CUSTOMS").narrows(&q("cust")));
        assert!(!q("customs 1").narrows(&q("customs 12")));
        assert!(!q("customs").narrows(&q("customs 1")));
        assert!(!q("customer").narrows(&q("customs")));
        assert_eq!(q("  World   customs ").phrase(), "world customs");
    }

    proptest! {
        /// What a narrowing query finds, the query it narrows finds too.
        #[test]
        fn a_narrowing_query_finds_only_what_the_earlier_one_found(
            text in "[a-c ]{0,12}",
            earlier in "[a-c ]{0,5}",
            later in "[a-c ]{0,6}",
        ) {
            let (earlier, later) = (Query::new(&earlier), Query::new(&later));
            let text = prepare(&[&text]);
            if later.narrows(&earlier) && later.found_in(&text) {
                prop_assert!(earlier.found_in(&text));
            }
        }
    }

    #[test]
    fn a_list_is_searched_in_its_order_and_by_its_choices() {
        let names = ["Trinidad", "anguilla", "Barbados", "Bahamas"];
        let p = Prepared::new(names.iter().map(|n| prepare(&[n])).collect(), |i| {
            names[i].to_lowercase()
        });
        assert_eq!(p.matching(&Query::default(), |_| true), vec![1, 3, 2, 0]);
        assert_eq!(p.matching(&Query::new("BA"), |_| true), vec![3, 2]);
        assert_eq!(p.matching(&Query::new("a"), |i| i != 3), vec![1, 2, 0]);
    }

    proptest! {
        /// The prepared search finds exactly what searching each record afresh finds.
        #[test]
        fn prepared_and_afresh_agree(
            records in proptest::collection::vec(("[a-cA-CÉé ]{0,12}", "[a-cA-C ]{0,6}"), 0..20),
            typed in "[a-cA-CÉé ]{0,5}",
        ) {
            let text: Vec<Box<str>> = records.iter().map(|(a, b)| prepare(&[a, b])).collect();
            let p = Prepared::new(text, |i| records[i].0.clone());
            let q = Query::new(&typed);
            let found = p.matching(&q, |_| true);
            let mut afresh: Vec<u32> = (0..records.len() as u32)
                .filter(|&i| {
                    let (a, b) = &records[i as usize];
                    let hay = format!("{a}{BETWEEN}{b}").to_lowercase();
                    typed.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
                })
                .collect();
            afresh.sort_by_key(|&i| (records[i as usize].0.clone(), i));
            prop_assert_eq!(found, afresh);
        }
    }
}
