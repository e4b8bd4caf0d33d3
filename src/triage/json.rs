//! JSON exports, record by record: the elements of a top-level array (the Entra portal's
//! download, an Okta System Log API answer) are cut out one at a time by a structural scan
//! and parsed alone, so memory holds one record, never the file. Any other top-level value —
//! a Graph page (`{"value":[…]}`), an Okta event hook (`{"data":{"events":[…]}}`), a record —
//! is read whole and opened up; several of them in a row are NDJSON.

use std::io::Read;

use serde_json::Value;

use super::occurrence::Position;

/// What the reader hands on: a record, or a piece that is not one and why.
pub enum Item {
    Record(Value, Position),
    Broken(Position, String),
}

/// Bytes read from the file at a time.
const CHUNK: usize = 256 * 1024;

pub struct JsonRecords<R> {
    reader: R,
    buf: Vec<u8>,
    /// Where the unread part of `buf` starts.
    at: usize,
    eof: bool,
    /// Line of `buf[at]`.
    line: u64,
    in_array: bool,
    record: u64,
    input: usize,
}

impl<R: Read> JsonRecords<R> {
    pub fn new(reader: R, input: usize) -> JsonRecords<R> {
        JsonRecords {
            reader,
            buf: Vec::with_capacity(CHUNK),
            at: 0,
            eof: false,
            line: 1,
            in_array: false,
            record: 0,
            input,
        }
    }

    /// Every record, in order, to `on_item`; an error only when the file cannot be read.
    pub fn for_each(mut self, mut on_item: impl FnMut(Item)) -> std::io::Result<()> {
        if self.peek(0)?.is_some() && self.buf[self.at..].starts_with("\u{feff}".as_bytes()) {
            self.advance(3);
        }
        loop {
            self.skip_whitespace()?;
            let Some(byte) = self.peek(0)? else {
                return Ok(());
            };
            match (self.in_array, byte) {
                (false, b'[') => {
                    self.advance(1);
                    self.in_array = true;
                }
                (true, b']') => {
                    self.advance(1);
                    self.in_array = false;
                }
                (true, b',') => self.advance(1),
                _ => {
                    let top_level = !self.in_array;
                    let line = self.line;
                    let length = self.value_length()?;
                    let bytes = &self.buf[self.at..self.at + length];
                    let parsed = serde_json::from_slice::<Value>(bytes);
                    self.advance(length);
                    match parsed {
                        Ok(value) if top_level => self.open_up(value, line, &mut on_item),
                        Ok(value) => on_item(Item::Record(value, self.position(line))),
                        Err(e) => {
                            let position = self.position(line);
                            on_item(Item::Broken(position, format!("not JSON ({e})")));
                            if top_level {
                                // A line of NDJSON that is not JSON: the rest of it goes too.
                                self.skip_line()?;
                            } else if length == 0 {
                                self.advance(1);
                            }
                        }
                    }
                }
            }
        }
    }

    /// A top-level value: a list response or event hook delivers its records; anything else
    /// is one record.
    fn open_up(&mut self, value: Value, line: u64, on_item: &mut impl FnMut(Item)) {
        let list = match value {
            Value::Object(mut object) => {
                let events = object
                    .get_mut("data")
                    .and_then(|d| d.get_mut("events"))
                    .filter(|e| e.is_array())
                    .map(Value::take);
                match (object.remove("value"), events) {
                    (Some(Value::Array(records)), _) | (_, Some(Value::Array(records))) => records,
                    (Some(other), _) => {
                        object.insert("value".into(), other);
                        vec![Value::Object(object)]
                    }
                    _ => vec![Value::Object(object)],
                }
            }
            Value::Array(records) => records,
            other => vec![other],
        };
        for record in list {
            on_item(Item::Record(record, self.position(line)));
        }
    }

    fn position(&mut self, line: u64) -> Position {
        self.record += 1;
        Position {
            input: self.input,
            record: self.record,
            line: Some(line),
        }
    }

    /// The length of the JSON value starting at `at` (strings, nesting and escapes followed;
    /// the rest of the file when it ends inside the value, so that parsing then says so).
    fn value_length(&mut self) -> std::io::Result<usize> {
        let mut end = ValueEnd::default();
        let mut scanned = 0;
        // Whole buffered stretches at a time: a call per byte would cost as much as parsing.
        while self.peek(scanned)?.is_some() {
            let bytes = &self.buf[self.at + scanned..];
            match end.find(bytes) {
                Some(length) => return Ok(scanned + length),
                None => scanned += bytes.len(),
            }
        }
        Ok(scanned)
    }

    fn skip_whitespace(&mut self) -> std::io::Result<()> {
        while let Some(byte) = self.peek(0)? {
            if !byte.is_ascii_whitespace() {
                break;
            }
            self.advance(1);
        }
        Ok(())
    }

    fn skip_line(&mut self) -> std::io::Result<()> {
        while let Some(byte) = self.peek(0)? {
            self.advance(1);
            if byte == b'\n' {
                break;
            }
        }
        Ok(())
    }

    /// The byte `ahead` of the unread position, reading more of the file as needed.
    fn peek(&mut self, ahead: usize) -> std::io::Result<Option<u8>> {
        while self.at + ahead >= self.buf.len() {
            if self.eof {
                return Ok(None);
            }
            if self.at > 0 {
                self.buf.drain(..self.at);
                self.at = 0;
            }
            let start = self.buf.len();
            self.buf.resize(start + CHUNK, 0);
            let read = loop {
                match self.reader.read(&mut self.buf[start..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.buf.truncate(start);
                        return Err(e);
                    }
                }
            };
            self.buf.truncate(start + read);
            self.eof = read == 0;
        }
        Ok(Some(self.buf[self.at + ahead]))
    }

    fn advance(&mut self, n: usize) {
        let end = (self.at + n).min(self.buf.len());
        self.line += self.buf[self.at..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        self.at = end;
    }
}

/// Where a JSON value ends, followed across the stretches of a file read one after another.
#[derive(Default)]
struct ValueEnd {
    depth: u32,
    in_string: bool,
    escaped: bool,
}

impl ValueEnd {
    /// The length of the value within `bytes` (counted from the start of this stretch), or
    /// `None` when it goes on past them.
    fn find(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < bytes.len() {
            if self.escaped {
                self.escaped = false;
            } else if self.in_string {
                let k = memchr::memchr2(b'"', b'\\', &bytes[i..])?;
                i += k;
                if bytes[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
            } else {
                match bytes[i] {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' if self.depth > 0 => {
                        self.depth -= 1;
                        if self.depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n' if self.depth == 0 => {
                        return Some(i);
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> (Vec<Value>, Vec<(u64, String)>) {
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        JsonRecords::new(text.as_bytes(), 0)
            .for_each(|item| match item {
                Item::Record(v, _) => good.push(v),
                Item::Broken(p, why) => bad.push((p.line.unwrap_or(0), why)),
            })
            .unwrap();
        (good, bad)
    }

    #[test]
    fn an_array_is_read_element_by_element() {
        let (good, bad) = records("\u{feff}[{\"a\":\"x]}\\\"\"}, {\"b\":[1,{\"c\":2}]} ,3,\"s\"]");
        assert_eq!(good.len(), 4);
        assert_eq!(good[0]["a"], "x]}\"");
        assert_eq!(good[1]["b"][1]["c"], 2);
        assert!(bad.is_empty());
    }

    #[test]
    fn pages_envelopes_and_ndjson_are_opened_up() {
        let text = "{\"value\":[{\"id\":1},{\"id\":2}],\"@odata.nextLink\":\"x\"}\n{\"data\":{\"events\":[{\"id\":3}]}}\n{\"id\":4}\n";
        let (good, bad) = records(text);
        let ids: Vec<i64> = good.iter().map(|v| v["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        assert!(bad.is_empty());
    }

    #[test]
    fn a_broken_line_is_reported_with_its_line_and_reading_goes_on() {
        let (good, bad) = records("{\"id\":1}\n{\"id\":\n}\n{\"id\":3}\n");
        assert_eq!(good.len(), 2);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].0, 2);
        let (good, bad) = records("{\"id\":1}\nnot json at all\n{\"id\":3}\n");
        assert_eq!(good.len(), 2);
        assert_eq!(bad[0].0, 2);
    }

    /// A reader that hands over one byte per read, so that every value ends past a stretch.
    struct ByteByByte<'a>(&'a [u8]);

    impl Read for ByteByByte<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            out[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn values_split_across_reads_are_cut_out_alike() {
        let text = "[{\"a\":\"x]}\\\\\\\"\"}, {\"b\":[1,{\"c\":\"\\\\\"}]} ,3,\"s\\\"t\",true]\n{\"id\":4}\n";
        let whole = records(text).0;
        let mut split = Vec::new();
        JsonRecords::new(ByteByByte(text.as_bytes()), 0)
            .for_each(|item| {
                if let Item::Record(v, _) = item {
                    split.push(v);
                }
            })
            .unwrap();
        assert_eq!(whole.len(), 6);
        assert_eq!(split, whole);
        assert_eq!(whole[0]["a"], "x]}\\\"");
    }

    #[test]
    fn a_file_cut_short_inside_a_record_says_so() {
        let (good, bad) = records("[{\"id\":1},{\"id\":2");
        assert_eq!(good.len(), 1);
        assert_eq!(bad.len(), 1);
    }
}
