//! Reading a language file (the Fluent subset `i18n` describes) and writing its messages
//! with their values.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{json, Value};

use super::{key_hash, Arg, Lang, Msg};

/// A file that is not the Fluent this reads: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Counted from 1.
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for ParseError {}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Var(String),
    Select {
        var: String,
        /// (key, pattern); the default is the one marked `*`.
        variants: Vec<(String, Vec<Piece>)>,
        default: usize,
    },
}

/// One message of a file, with its key (for checking files against each other).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: String,
    /// Its first line in the file.
    pub line: usize,
    pieces: Vec<Piece>,
}

impl Message {
    /// The values it names (`$count` → `count`), in any branch of a choice.
    pub fn variables(&self) -> BTreeSet<String> {
        fn walk(pieces: &[Piece], out: &mut BTreeSet<String>) {
            for piece in pieces {
                match piece {
                    Piece::Text(_) => {}
                    Piece::Var(v) => {
                        out.insert(v.clone());
                    }
                    Piece::Select { var, variants, .. } => {
                        out.insert(var.clone());
                        for (_, pattern) in variants {
                            walk(pattern, out);
                        }
                    }
                }
            }
        }
        let mut out = BTreeSet::new();
        walk(&self.pieces, &mut out);
        out
    }

    /// Whether it writes nothing at all.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Every message of a file, in order.
    pub fn read_all(src: &str) -> Result<Vec<Message>, ParseError> {
        let mut out: Vec<Message> = Vec::new();
        let mut block: Option<(String, usize, String)> = None;
        let finish = |block: Option<(String, usize, String)>, out: &mut Vec<Message>| {
            let Some((key, line, text)) = block else {
                return Ok(());
            };
            let pieces = Parser::new(&text, line).pattern(false)?;
            if out.iter().any(|m| m.key == key) {
                return Err(ParseError {
                    line,
                    problem: format!("`{key}` is written twice"),
                });
            }
            out.push(Message { key, line, pieces });
            Ok(())
        };
        for (index, line) in src.lines().enumerate() {
            let number = index + 1;
            // A choice's closing `}` may stand at the start of a line.
            let indented = line.starts_with([' ', '\t', '}']);
            if line.trim().is_empty() || indented {
                if let Some((_, _, text)) = &mut block {
                    text.push('\n');
                    text.push_str(line);
                } else if !line.trim().is_empty() {
                    return Err(ParseError {
                        line: number,
                        problem: "an indented line belongs to no message".into(),
                    });
                }
                continue;
            }
            finish(block.take(), &mut out)?;
            if line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(ParseError {
                    line: number,
                    problem: "expected `key = text`".into(),
                });
            };
            let key = key.trim_end();
            let well_named = key.starts_with(|c: char| c.is_ascii_alphabetic())
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !well_named {
                return Err(ParseError {
                    line: number,
                    problem: format!("`{key}` is not a message key (letters, digits, `-`)"),
                });
            }
            block = Some((key.to_owned(), number, value.to_owned()));
        }
        finish(block, &mut out)?;
        Ok(out)
    }
}

/// Reads one message's text into pieces. `line` is the message's first line, for errors.
/// Works on bytes: every sign of the syntax is ASCII, so text is cut at char boundaries.
struct Parser<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

/// Adds text to the pieces, joined to the text before it.
fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(Piece::Text(before)) => before.push_str(text),
        _ => pieces.push(Piece::Text(text.to_owned())),
    }
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, line: usize) -> Parser<'a> {
        Parser { text, at: 0, line }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn fail<T>(&self, problem: impl Into<String>) -> Result<T, ParseError> {
        let line = self.line + self.text[..self.at].matches('\n').count();
        Err(ParseError {
            line,
            problem: problem.into(),
        })
    }

    fn skip_space(&mut self, newlines: bool) {
        while let Some(c) = self.peek() {
            if c == b' ' || c == b'\t' || (newlines && (c == b'\n' || c == b'\r')) {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    /// Text and placeables up to the end (or, in a variant, up to the next variant or the
    /// choice's `}` on a line of its own). Lines after the first are joined by one `\n`.
    fn pattern(&mut self, variant: bool) -> Result<Vec<Piece>, ParseError> {
        let mut pieces = Vec::new();
        self.skip_space(!variant);
        let mut from = self.at;
        while let Some(c) = self.peek() {
            match c {
                b'{' => {
                    push_text(&mut pieces, &self.text[from..self.at]);
                    self.at += 1;
                    match self.placeable()? {
                        Piece::Text(s) => push_text(&mut pieces, &s),
                        piece => pieces.push(piece),
                    }
                    from = self.at;
                }
                b'}' => return self.fail("a `}` without its `{` (write `{ \"}\" }` for the sign)"),
                b'\n' | b'\r' => {
                    push_text(&mut pieces, self.text[from..self.at].trim_end());
                    let mark = self.at;
                    self.skip_space(true);
                    match self.peek() {
                        None => {}
                        Some(b'[' | b'*' | b'}') if variant => self.at = mark,
                        Some(_) => {
                            push_text(&mut pieces, "\n");
                            from = self.at;
                            continue;
                        }
                    }
                    from = self.at;
                    break;
                }
                _ => self.at += 1,
            }
        }
        push_text(&mut pieces, &self.text[from..self.at]);
        if let Some(Piece::Text(last)) = pieces.last_mut() {
            let trimmed = last.trim_end().len();
            last.truncate(trimmed);
        }
        Ok(pieces)
    }

    /// After `{`: `$name }`, `"text" }` or `$name -> variants }`.
    fn placeable(&mut self) -> Result<Piece, ParseError> {
        self.skip_space(true);
        let piece = match self.peek() {
            Some(b'"') => {
                self.at += 1;
                let mut s = String::new();
                loop {
                    match self.peek() {
                        Some(b'"') => break,
                        Some(b'\\') => {
                            self.at += 1;
                            match self.peek() {
                                Some(c @ (b'"' | b'\\')) => s.push(char::from(c)),
                                _ => return self.fail("only `\\\"` and `\\\\` are escapes"),
                            }
                            self.at += 1;
                        }
                        Some(b'\n') | None => return self.fail("a string not closed by `\"`"),
                        Some(_) => {
                            let rest = &self.text[self.at..];
                            let end = rest.find(['"', '\\', '\n']).unwrap_or(rest.len());
                            s.push_str(&rest[..end]);
                            self.at += end;
                        }
                    }
                }
                self.at += 1;
                Piece::Text(s)
            }
            Some(b'$') => {
                self.at += 1;
                let var = self.name()?;
                self.skip_space(true);
                if self.text[self.at..].starts_with("->") {
                    self.at += 2;
                    return self.select(var);
                }
                Piece::Var(var)
            }
            _ => return self.fail("expected `$name` or a \"string\" inside `{ }`"),
        };
        self.skip_space(true);
        if self.peek() != Some(b'}') {
            return self.fail("expected `}`");
        }
        self.at += 1;
        Ok(piece)
    }

    fn name(&mut self) -> Result<String, ParseError> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        {
            self.at += 1;
        }
        if start == self.at {
            return self.fail("expected a name after `$`");
        }
        Ok(self.text[start..self.at].to_owned())
    }

    /// After `$var ->`: `[key] pattern` lines, one marked `*`, then `}`.
    fn select(&mut self, var: String) -> Result<Piece, ParseError> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_space(true);
            match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    break;
                }
                Some(b'*') => {
                    if default.is_some() {
                        return self.fail("a choice has two defaults (`*[…]`)");
                    }
                    default = Some(variants.len());
                    self.at += 1;
                }
                Some(b'[') => {}
                _ => return self.fail("expected `[key]`, `*[key]` or `}` in a choice"),
            }
            if self.peek() != Some(b'[') {
                return self.fail("expected `[` after `*`");
            }
            self.at += 1;
            let rest = &self.text[self.at..];
            let Some(end) = rest
                .find([']', '\n'])
                .filter(|e| rest[*e..].starts_with(']'))
            else {
                return self.fail("a variant key not closed by `]`");
            };
            let key = rest[..end].trim().to_owned();
            self.at += end + 1;
            let pattern = self.pattern(true)?;
            variants.push((key, pattern));
        }
        let Some(default) = default else {
            return self.fail(format!(
                "the choice on `${var}` has no default (`*[other]`)"
            ));
        };
        Ok(Piece::Select {
            var,
            variants,
            default,
        })
    }
}

/// The form a device loads (`Catalogue::from_json`), made from a language file when the
/// app is built: `[[hash, message], …]`, where a message is a string, or an array of parts;
/// a part is a string, `[name]` for a value, or `[name, default, key, message, …]` for a
/// choice. The device reads it with the JSON reader it already has, not a Fluent parser.
/// The server's own messages ([`SERVER_ONLY`]) are left out.
pub fn compile(lang: Lang, src: &str) -> Result<String, ParseError> {
    Ok(compile_parts(lang, src, |_, _| true)?.0)
}

/// The prefix of the messages only the server's command line words
/// (`lang/*/command-line.ftl`): no device shows them, so its language files leave them out.
pub const SERVER_ONLY: &str = "cli-";

/// A language file in two parts of `compile`'s form: the messages `first` chooses (by key
/// and hash), which come with the app's first screens, and the others, fetched when a
/// later screen opens (`app/src/i18n.rs`). Each part reads alone; the two arrays joined
/// and sorted by hash (`boot.js`) read as the whole.
pub fn compile_parts(
    lang: Lang,
    src: &str,
    first: impl Fn(&str, Msg) -> bool,
) -> Result<(String, String), ParseError> {
    fn message(pieces: &[Piece]) -> Value {
        match pieces {
            [] => json!(""),
            [Piece::Text(s)] => json!(s),
            _ => Value::Array(pieces.iter().map(part).collect()),
        }
    }
    fn part(piece: &Piece) -> Value {
        match piece {
            Piece::Text(s) => json!(s),
            Piece::Var(v) => json!([v]),
            Piece::Select {
                var,
                variants,
                default,
            } => {
                let mut out = vec![json!(var), json!(default)];
                for (key, pattern) in variants {
                    out.push(json!(key));
                    out.push(message(pattern));
                }
                Value::Array(out)
            }
        }
    }
    // Checks the whole file (duplicates included) before cutting it.
    Catalogue::parse(lang, src)?;
    let mut all: Vec<(u32, bool, Value)> = Message::read_all(src)?
        .iter()
        .filter(|m| !m.key.starts_with(SERVER_ONLY))
        .map(|m| {
            let id = key_hash(&m.key);
            (id, first(&m.key, Msg(id)), message(&m.pieces))
        })
        .collect();
    all.sort_by_key(|(id, _, _)| *id);
    let (firsts, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, f, _)| *f);
    let json = |part: Vec<(u32, bool, Value)>| {
        Value::Array(part.into_iter().map(|(id, _, m)| json!([id, m])).collect()).to_string()
    };
    Ok((json(firsts), json(rest)))
}

/// One language's messages, ready to write.
#[derive(Debug, Clone)]
pub struct Catalogue {
    lang: Lang,
    /// By `Msg`, sorted.
    messages: Vec<(u32, Vec<Piece>)>,
}

impl Catalogue {
    /// Reads a language file.
    pub fn parse(lang: Lang, src: &str) -> Result<Catalogue, ParseError> {
        let mut messages: Vec<(u32, Vec<Piece>)> = Message::read_all(src)?
            .into_iter()
            .map(|m| (key_hash(&m.key), m.pieces))
            .collect();
        messages.sort_by_key(|(id, _)| *id);
        Ok(Catalogue { lang, messages })
    }

    /// Reads what `compile` made; `None` if it is not that.
    pub fn from_json(lang: Lang, json: &str) -> Option<Catalogue> {
        fn pieces(v: &Value) -> Option<Vec<Piece>> {
            match v {
                Value::String(s) if s.is_empty() => Some(Vec::new()),
                Value::String(s) => Some(vec![Piece::Text(s.clone())]),
                Value::Array(parts) => parts.iter().map(piece).collect(),
                _ => None,
            }
        }
        fn piece(v: &Value) -> Option<Piece> {
            match v {
                Value::String(s) => Some(Piece::Text(s.clone())),
                Value::Array(a) => {
                    let var = a.first()?.as_str()?.to_owned();
                    if a.len() == 1 {
                        return Some(Piece::Var(var));
                    }
                    let default = usize::try_from(a.get(1)?.as_u64()?).ok()?;
                    let variants = a[2..]
                        .chunks(2)
                        .map(|kv| Some((kv.first()?.as_str()?.to_owned(), pieces(kv.get(1)?)?)))
                        .collect::<Option<Vec<_>>>()?;
                    (default < variants.len()).then_some(Piece::Select {
                        var,
                        variants,
                        default,
                    })
                }
                _ => None,
            }
        }
        let Value::Array(all) = serde_json::from_str(json).ok()? else {
            return None;
        };
        // In `compile`'s order, which is the catalogue's own (by hash).
        let messages = all
            .iter()
            .map(|m| {
                let id = u32::try_from(m.get(0)?.as_u64()?).ok()?;
                Some((id, pieces(m.get(1)?)?))
            })
            .collect::<Option<Vec<_>>>()?;
        messages
            .windows(2)
            .all(|w| w[0].0 < w[1].0)
            .then_some(Catalogue { lang, messages })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the file has message `id`.
    pub fn has(&self, id: Msg) -> bool {
        self.find(id).is_some()
    }

    fn find(&self, id: Msg) -> Option<&[Piece]> {
        let at = self
            .messages
            .binary_search_by_key(&id.0, |(k, _)| *k)
            .ok()?;
        Some(&self.messages[at].1)
    }

    /// A message with no values.
    pub fn text(&self, id: Msg) -> String {
        self.format(id, &[])
    }

    /// The word a key names (a field's label, a coded value's, a country's…), if the file
    /// has it and it is not empty.
    pub fn word(&self, key: &str) -> Option<&str> {
        self.plain(Msg(key_hash(key))).filter(|w| !w.is_empty())
    }

    /// A message that names no value, as written in the file (no copy): `None` for one
    /// that needs values, or that the file lacks.
    pub fn plain(&self, id: Msg) -> Option<&str> {
        match self.find(id)? {
            [] => Some(""),
            [Piece::Text(s)] => Some(s),
            _ => None,
        }
    }

    /// A message with its values (a value it names but is not given shows as `{$name}`).
    /// A message the file lacks is empty: the tests keep every file complete.
    pub fn format(&self, id: Msg, args: &[(&str, Arg<'_>)]) -> String {
        let mut out = String::new();
        if let Some(pieces) = self.find(id) {
            self.write(pieces, args, &mut out);
        }
        out
    }

    fn write(&self, pieces: &[Piece], args: &[(&str, Arg<'_>)], out: &mut String) {
        let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, a)| *a);
        for piece in pieces {
            match piece {
                Piece::Text(s) => out.push_str(s),
                Piece::Var(name) => match arg(name) {
                    Some(Arg::Text(s)) => out.push_str(s),
                    Some(Arg::Number(n)) => out.push_str(&self.lang.number(n)),
                    None => {
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Piece::Select {
                    var,
                    variants,
                    default,
                } => {
                    let chosen = match arg(var) {
                        Some(Arg::Number(n)) => {
                            let exact = n.to_string();
                            let form = self.lang.plural(n);
                            variants
                                .iter()
                                .position(|(k, _)| *k == exact)
                                .or_else(|| variants.iter().position(|(k, _)| k == form))
                        }
                        Some(Arg::Text(s)) => variants.iter().position(|(k, _)| k == s),
                        None => None,
                    };
                    self.write(&variants[chosen.unwrap_or(*default)].1, args, out);
                }
            }
        }
    }
}
