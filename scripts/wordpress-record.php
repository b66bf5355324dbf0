<?php
// PHP side of `scripts/wordpress record`: turns the responses that curl saved
// (<raw>/responses.tsv: route, query, number; <raw>/raw/<number>.headers and
// .body) into fixtures in <out>:
//
//   manifest.json  every request: its URL, route and query, status, the headers
//                  that matter (Content-Type, X-WP-Total, X-WP-TotalPages, Link,
//                  Retry-After, Allow), and the file of its body; then every image
//   rest/*.json    the bodies, pretty-printed, keys in WordPress's order
//
// The site's origin (http://127.0.0.1:<port>) is rewritten to
// http://wordpress.test everywhere, in JSON strings, in the HTML inside them
// and in headers, so recordings from different ports are alike. Prints the
// path of every image of the site's uploads that the bodies name (src,
// srcset, href, source_url), one a line, for the caller to fetch.
//
//   php wordpress-record.php <origin> <raw> <out>

const PLACEHOLDER = 'http://wordpress.test';
const KEPT_HEADERS = ['content-type', 'x-wp-total', 'x-wp-totalpages', 'link', 'retry-after', 'allow'];

[$self, $origin, $raw, $out] = $argv + [null, null, null, null];
if ($out === null) {
    fwrite(STDERR, "usage: php wordpress-record.php <origin> <raw> <out>\n");
    exit(2);
}

function fail(string $message): void
{
    fwrite(STDERR, "scripts/wordpress-record.php: $message\n");
    exit(1);
}

// http://127.0.0.1:<any port>, plain and percent-encoded.
function rewrite(string $s): string
{
    $s = preg_replace('#http://127\.0\.0\.1:\d+#', PLACEHOLDER, $s);
    return preg_replace('#http%3A%2F%2F127\.0\.0\.1%3A\d+#i', rawurlencode(PLACEHOLDER), $s);
}

function rewrite_all($value)
{
    if (is_string($value)) {
        return rewrite($value);
    }
    if (is_array($value)) {
        return array_map('rewrite_all', $value);
    }
    if ($value instanceof stdClass) {
        $copy = new stdClass();
        foreach (get_object_vars($value) as $k => $v) {
            $copy->{rewrite($k)} = rewrite_all($v);
        }
        return $copy;
    }
    return $value;
}

function file_name(string $route, string $query): string
{
    if ($route === '/') {
        return 'index.json';
    }
    $name = str_replace('/', '-', trim($route, '/'));
    foreach (explode('&', $query) as $part) {
        if ($part !== '' && !str_starts_with($part, '_fields=')) {
            $name .= '.' . preg_replace('/[^A-Za-z0-9_.-]/', '', str_replace('=', '-', $part));
        }
    }
    return "$name.json";
}

$lines = file("$raw/responses.tsv", FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
if ($lines === false) {
    fail("no $raw/responses.tsv");
}
@mkdir("$out/rest", 0777, true);
$responses = [];
$images = [];
foreach ($lines as $line) {
    [$route, $query, $n] = explode("\t", $line);
    $url = PLACEHOLDER . "/?rest_route=$route" . ($query === '' ? '' : "&$query");
    $head = file_get_contents("$raw/raw/$n.headers");
    $body = file_get_contents("$raw/raw/$n.body");
    if ($head === false || $body === false) {
        fail("response $n ($url) is missing");
    }
    $status = null;
    $headers = [];
    foreach (preg_split('/\r?\n/', trim($head)) as $h) {
        if (preg_match('#^HTTP/\S+ (\d{3})#', $h, $m)) {
            $status = (int) $m[1];
            $headers = [];
        } elseif (preg_match('/^([^:]+):\s*(.*)$/', $h, $m) && in_array(strtolower($m[1]), KEPT_HEADERS, true)) {
            // A header sent twice (Link, on paged responses) is kept as one, joined by ", ".
            $headers[$m[1]] = isset($headers[$m[1]]) ? $headers[$m[1]] . ', ' . rewrite($m[2]) : rewrite($m[2]);
        }
    }
    $json = json_decode($body, false, 512, JSON_BIGINT_AS_STRING);
    if ($json === null && json_last_error() !== JSON_ERROR_NONE) {
        fail("$url: the body is not JSON (" . json_last_error_msg() . "): " . substr($body, 0, 200));
    }
    $json = rewrite_all($json);
    $text = json_encode($json, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION) . "\n";
    if (preg_match('#127\.0\.0\.1[^"]{0,40}#', $text, $m)) {
        fail("$url: the origin is still in the body after rewriting: …{$m[0]}…");
    }
    $file = 'rest/' . file_name($route, $query);
    file_put_contents("$out/$file", $text) !== false || fail("could not write $out/$file");
    $responses[] = ['url' => $url, 'route' => $route, 'query' => $query, 'status' => $status, 'headers' => $headers, 'file' => $file];

    // Images of the site's uploads named anywhere in the body (in JSON or in its HTML).
    preg_match_all('#' . preg_quote(PLACEHOLDER, '#') . '(/wp-content/uploads/[^\s"\'<>,?]+\.(?:jpe?g|png|gif|webp))#i', $text, $m);
    foreach ($m[1] as $path) {
        $images[$path] = true;
    }
}
ksort($images);

$index = json_decode(file_get_contents("$out/rest/index.json"));
$manifest = [
    'about' => 'REST responses of a WordPress filled by scripts/wordpress; see README.md beside this file.',
    'origin' => PLACEHOLDER,
    'recorded_origin_was' => 'http://127.0.0.1:<port>, rewritten to origin in every body and header',
    'site' => ['name' => $index->name ?? null, 'timezone_string' => $index->timezone_string ?? null, 'gmt_offset' => $index->gmt_offset ?? null],
    'responses' => $responses,
    'files' => array_map(fn ($path) => ['url' => PLACEHOLDER . $path, 'file' => ltrim($path, '/')], array_keys($images)),
];
file_put_contents("$out/manifest.json", json_encode($manifest, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n") !== false
    || fail("could not write $out/manifest.json");
foreach (array_keys($images) as $path) {
    echo ltrim($path, '/'), "\n";
}
