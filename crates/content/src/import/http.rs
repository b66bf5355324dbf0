//! The importers' HTTP client: blocking (an import is a batch job of one
//! thread), with timeouts, a size limit per response, retries with
//! exponential backoff on 429 and 5xx that honour `Retry-After`, a
//! `User-Agent` that says who asks, and every failure naming its URL.
//!
//! Only the content tool uses it (ureq with rustls: no system OpenSSL);
//! the reader's wasm never sees it.

use std::fmt;
use std::io::Read;
use std::thread;
use std::time::{Duration, SystemTime};

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// The most one JSON page of an API may weigh: WordPress's 100 posts with
/// `_embed` are a few MB even with long articles.
pub const MAX_JSON_BYTES: u64 = 20 * 1024 * 1024;

/// The most one image may weigh: a camera's full-size JPEG is 10–30 MB.
pub const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// Everything about waiting: how long, how often, and how patiently.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    /// To open the connection (DNS, TCP, TLS).
    pub connect: Duration,
    /// Between two reads of the answer: a server that stalls this long has failed.
    pub read: Duration,
    /// How often a request is sent in all, the first included, while the
    /// server answers 429 or 5xx.
    pub attempts: u32,
    /// The wait before the first retry; it doubles before each next one.
    pub first_backoff: Duration,
    /// The longest wait before a retry, also when `Retry-After` asks for more:
    /// a server that wants an hour is better reported than waited for.
    pub longest_wait: Duration,
}

impl Default for Patience {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
            attempts: 4,
            first_backoff: Duration::from_secs(1),
            longest_wait: Duration::from_secs(60),
        }
    }
}

/// A failure to get an answer: the URL and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    pub url: String,
    pub message: String,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.message)
    }
}

impl std::error::Error for HttpError {}

/// A server's final answer (after any retries), whatever its status.
#[derive(Debug, Clone)]
pub struct Answer {
    pub url: String,
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// An answer from elsewhere than the network (a saved one); `headers` as name and value.
    pub fn new(url: String, status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        Self {
            url,
            status,
            headers,
            body,
        }
    }

    /// The value of header `name` (any case), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The answer if its status is 2xx, else an error naming the status.
    pub fn success(self) -> Result<Self, HttpError> {
        if (200..300).contains(&self.status) {
            Ok(self)
        } else {
            Err(HttpError {
                message: format!("answered HTTP {}{}", self.status, excerpt(&self.body)),
                url: self.url,
            })
        }
    }
}

/// The start of an error answer's body, which often says why (WordPress's `message`).
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return String::new();
    }
    let short: String = text.chars().take(200).collect();
    let more = if short.len() < text.len() { "…" } else { "" };
    format!(": {short}{more}")
}

/// The client: one per import, so connections are reused.
pub struct Client {
    agent: ureq::Agent,
    patience: Patience,
}

impl Client {
    /// A client whose `User-Agent` names this tool, its version and `contact`,
    /// where whoever runs the server can learn who asks (the site's address).
    pub fn new(contact: &str, patience: Patience) -> Self {
        let agent = ureq::Agent::config_builder()
            .user_agent(user_agent(contact))
            // Statuses are answers here: the importer reads 400 and 404 itself.
            .http_status_as_error(false)
            .timeout_connect(Some(patience.connect))
            .timeout_recv_response(Some(patience.read))
            .timeout_per_read(Some(patience.read))
            .build()
            .new_agent();
        Self { agent, patience }
    }

    /// GETs `url` (non-ASCII characters in it are percent-encoded first),
    /// retrying on 429 and 5xx; the body may be at most `max_bytes`.
    pub fn get(&self, url: &str, max_bytes: u64) -> Result<Answer, HttpError> {
        let encoded = encode_non_ascii(url);
        let fail = |message: String| HttpError {
            url: url.to_owned(),
            message,
        };
        let mut backoff = self.patience.first_backoff;
        for attempt in 1..=self.patience.attempts.max(1) {
            let answer = self.get_once(&encoded, max_bytes).map_err(fail)?;
            let retry = answer.status == 429 || (500..600).contains(&answer.status);
            if !retry || attempt == self.patience.attempts.max(1) {
                if retry {
                    return Err(fail(format!(
                        "answered HTTP {} {attempt} times; giving up{}",
                        answer.status,
                        excerpt(&answer.body)
                    )));
                }
                return Ok(Answer {
                    url: url.to_owned(),
                    ..answer
                });
            }
            let asked = answer
                .header("Retry-After")
                .and_then(|value| retry_after(value, SystemTime::now()));
            thread::sleep(asked.unwrap_or(backoff).min(self.patience.longest_wait));
            backoff *= 2;
        }
        unreachable!("the last attempt returns")
    }

    /// One request and its answer, or why there is none.
    fn get_once(&self, url: &str, max_bytes: u64) -> Result<Answer, String> {
        let mut response = self.agent.get(url).call().map_err(describe)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let too_large = || {
            format!(
                "the answer is larger than {}, the most taken",
                megabytes(max_bytes)
            )
        };
        if response
            .body()
            .content_length()
            .is_some_and(|length| length > max_bytes)
        {
            return Err(too_large());
        }
        // One byte more than allowed tells a body at the limit from one over it.
        let mut body = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(max_bytes + 1)
            .read_to_end(&mut body)
            .map_err(|error| format!("reading the answer failed: {error}"))?;
        if body.len() as u64 > max_bytes {
            return Err(too_large());
        }
        Ok(Answer {
            url: url.to_owned(),
            status,
            headers,
            body,
        })
    }
}

/// `brnn-news-content/0.1.0 (+https://news.example.org/)`.
pub fn user_agent(contact: &str) -> String {
    format!("brnn-news-content/{} (+{contact})", env!("CARGO_PKG_VERSION"))
}

/// What failed, in words for an editor.
fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::Timeout(which) => format!("no answer in time ({which})"),
        ureq::Error::HostNotFound => "the host is not found".to_owned(),
        ureq::Error::ConnectionFailed => "cannot connect".to_owned(),
        ureq::Error::Io(error) => format!("the connection failed: {error}"),
        ureq::Error::TooManyRedirects => "redirects too often".to_owned(),
        ureq::Error::BadUri(message) => format!("is no URL that can be fetched: {message}"),
        other => other.to_string(),
    }
}

/// `20 MB`.
fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// `Retry-After` as a wait: seconds (`120`) or an HTTP date, which is
/// measured from `now` (a date past is no wait).
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// What a URL may not carry as it is: controls, spaces and what is not
/// ASCII. `%` stays, so an address encoded already is not encoded twice.
const NOT_IN_A_URL: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');

/// `url` with its non-ASCII characters (WordPress sends a file name like
/// `咖啡.jpg` raw, in UTF-8) and spaces percent-encoded as UTF-8 bytes.
pub fn encode_non_ascii(url: &str) -> String {
    utf8_percent_encode(url, NOT_IN_A_URL).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::mpsc;
    use std::time::Instant;

    /// A server on a loopback port that answers its connections with
    /// `answers` in turn (each a whole HTTP/1.1 answer, or `None` to accept
    /// and never answer), and sends each request's first line and headers
    /// back to the test.
    fn serve(answers: Vec<Option<Vec<u8>>>) -> (String, mpsc::Receiver<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (requests, received) = mpsc::channel();
        thread::spawn(move || {
            let mut held = Vec::new();
            for answer in answers {
                let (stream, _) = listener.accept().unwrap();
                let request = read_request(&stream);
                // A test that reads no requests has dropped the receiver.
                let _ = requests.send(request);
                match answer {
                    Some(bytes) => {
                        let mut stream = stream;
                        let _ = stream.write_all(&bytes);
                    }
                    // Held open without a word until the server thread ends.
                    None => held.push(stream),
                }
            }
            thread::sleep(Duration::from_secs(5));
        });
        (url, received)
    }

    fn read_request(stream: &TcpStream) -> String {
        let mut reader = BufReader::new(stream);
        let mut request = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                return request;
            }
            request += &line;
        }
    }

    fn answer(status: &str, headers: &[&str], body: &[u8]) -> Option<Vec<u8>> {
        let mut bytes = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for header in headers {
            bytes += header;
            bytes += "\r\n";
        }
        bytes += "\r\n";
        let mut bytes = bytes.into_bytes();
        bytes.extend_from_slice(body);
        Some(bytes)
    }

    fn quick() -> Patience {
        Patience {
            connect: Duration::from_secs(2),
            read: Duration::from_millis(500),
            attempts: 3,
            first_backoff: Duration::from_millis(50),
            longest_wait: Duration::from_secs(2),
        }
    }

    #[test]
    fn a_429_with_retry_after_is_waited_for_then_the_200_is_the_answer() {
        let (url, requests) = serve(vec![
            answer("429 Too Many Requests", &["Retry-After: 1"], b"slow down"),
            answer("200 OK", &["X-WP-TotalPages: 3"], b"[]"),
        ]);
        let client = Client::new("https://news.example.org/", quick());
        let started = Instant::now();
        let answer = client
            .get(&format!("{url}/posts"), 100)
            .unwrap()
            .success()
            .unwrap();
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "waited {:?}",
            started.elapsed()
        );
        assert_eq!((answer.status, answer.body.as_slice()), (200, b"[]".as_slice()));
        assert_eq!(answer.header("x-wp-totalpages"), Some("3"));
        let first = requests.recv().unwrap();
        assert!(first.starts_with("GET /posts HTTP/1.1"), "{first}");
        let agent = format!(
            "user-agent: brnn-news-content/{} (+https://news.example.org/)",
            env!("CARGO_PKG_VERSION")
        );
        assert!(
            first.to_ascii_lowercase().contains(&agent.to_ascii_lowercase()),
            "{first}"
        );
    }

    #[test]
    fn a_500_is_retried_after_a_backoff_and_one_that_stays_is_reported_with_its_url() {
        let (url, _) = serve(vec![
            answer("500 Internal Server Error", &[], b""),
            answer("200 OK", &[], b"ok"),
        ]);
        let client = Client::new("https://news.example.org/", quick());
        assert_eq!(client.get(&url, 100).unwrap().body, b"ok");

        let (url, _) = serve(vec![
            answer(
                "503 Service Unavailable",
                &[],
                b"{\"message\":\"down\"}"
            );
            3
        ]);
        let error = client.get(&url, 100).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{url}: answered HTTP 503 3 times; giving up: {{\"message\":\"down\"}}")
        );
    }

    #[test]
    fn a_404_is_an_answer_not_retried_and_success_names_the_url() {
        let (url, _) = serve(vec![answer(
            "404 Not Found",
            &[],
            b"{\"code\":\"rest_no_route\"}",
        )]);
        let client = Client::new("https://news.example.org/", quick());
        let answer = client.get(&url, 100).unwrap();
        assert_eq!(answer.status, 404);
        assert_eq!(
            answer.success().unwrap_err().to_string(),
            format!("{url}: answered HTTP 404: {{\"code\":\"rest_no_route\"}}")
        );
    }

    #[test]
    fn an_answer_over_the_limit_is_refused_with_its_url_whether_it_says_its_length_or_not() {
        let body = vec![b'x'; 2 * 1024 * 1024 + 1];
        let (url, _) = serve(vec![answer("200 OK", &[], &body)]);
        let client = Client::new("https://news.example.org/", quick());
        let error = client
            .get(&format!("{url}/big.jpg"), 2 * 1024 * 1024)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{url}/big.jpg: the answer is larger than 2 MB, the most taken")
        );

        // Without Content-Length: read until the limit, then refused.
        let mut without_length = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
        without_length.extend_from_slice(&body);
        let (url, _) = serve(vec![Some(without_length)]);
        let error = client.get(&url, 2 * 1024 * 1024).unwrap_err();
        assert!(
            error.to_string().ends_with("larger than 2 MB, the most taken"),
            "{error}"
        );
    }

    #[test]
    fn a_server_that_never_answers_times_out_with_its_url() {
        let (url, _) = serve(vec![None]);
        let client = Client::new("https://news.example.org/", quick());
        let started = Instant::now();
        let error = client.get(&url, 100).unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert!(
            error
                .to_string()
                .starts_with(&format!("{url}: no answer in time")),
            "{error}"
        );
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn non_ascii_in_a_url_is_percent_encoded_once() {
        assert_eq!(
            encode_non_ascii("http://wordpress.test/wp-content/uploads/2024/03/咖啡.jpg"),
            "http://wordpress.test/wp-content/uploads/2024/03/%E5%92%96%E5%95%A1.jpg"
        );
        assert_eq!(
            encode_non_ascii("http://x.test/a%20b.jpg?x=1&y"),
            "http://x.test/a%20b.jpg?x=1&y"
        );
    }
}
