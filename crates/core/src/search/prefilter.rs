//! Which listed objects are worth a HEAD. The grammar has only `and` / `or` (no negation), so
//! taking every condition a listing cannot decide (content type, custom metadata) as true
//! gives a query that every real match satisfies: an object failing it needs no HEAD.

use zos_mdsearch::{Expr, Matcher, Mode, ObjectFacts, PatternError, Query};

pub(super) struct Prefilter {
    root: Node,
}

enum Node {
    /// One condition the listing decides.
    Known(Matcher),
    /// One condition only a HEAD decides.
    Unknown,
    And(Vec<Node>),
    Or(Vec<Node>),
}

impl Prefilter {
    pub fn new(query: &Query, mode: Mode) -> Result<Prefilter, PatternError> {
        Ok(Prefilter { root: node(&query.root, mode)? })
    }

    /// `false` only when no HEAD could make the object match.
    pub fn may_match(&self, facts: &ObjectFacts) -> bool {
        eval(&self.root, facts)
    }
}

fn node(e: &Expr, mode: Mode) -> Result<Node, PatternError> {
    let all = |items: &[Expr]| items.iter().map(|i| node(i, mode)).collect::<Result<Vec<_>, _>>();
    Ok(match e {
        Expr::Cond(c) if c.field.needs_head() => Node::Unknown,
        Expr::Cond(_) => Node::Known(Matcher::new(&Query::new(e.clone()), mode)?),
        Expr::And(items) => Node::And(all(items)?),
        Expr::Or(items) => Node::Or(all(items)?),
    })
}

fn eval(n: &Node, facts: &ObjectFacts) -> bool {
    match n {
        Node::Known(m) => m.is_match(facts),
        Node::Unknown => true,
        Node::And(items) => items.iter().all(|i| eval(i, facts)),
        Node::Or(items) => items.iter().any(|i| eval(i, facts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_conditions_a_listing_decides_can_rule_out() {
        let facts = ObjectFacts { name: "a.txt".into(), size: 10, ..Default::default() };
        let may =
            |q: &str| Prefilter::new(&zos_mdsearch::parse(q).unwrap(), Mode::Term).unwrap().may_match(&facts);
        assert!(may("size==10 and content_type==text/plain"));
        assert!(!may("size>10 and content_type==text/plain"));
        assert!(may("size>10 or x-amz-meta-k==v"));
        assert!(!may("(size>10 or name==b) and x-amz-meta-k==v"));
    }
}
