<?php
// Router of `php -S` for scripts/wordpress: what Apache's rewrite rules do for
// WordPress. Uploads come from the state folder (WP_CONTENT_DIR, passed as
// BRNN_WP_CONTENT), other existing files (wp-includes/…) from the document
// root, and every other path goes to index.php, so pretty permalinks and
// /wp-json/ work beside ?rest_route=.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (str_starts_with($path, '/wp-content/uploads/')) {
    $content = getenv('BRNN_WP_CONTENT');
    $file = realpath($content . substr($path, strlen('/wp-content')));
    if ($file === false || !str_starts_with($file, realpath($content) . '/') || !is_file($file)) {
        http_response_code(404);
        header('Content-Type: text/plain');
        echo "not found: $path\n";
        return true;
    }
    $types = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif', 'webp' => 'image/webp'];
    header('Content-Type: ' . ($types[strtolower(pathinfo($file, PATHINFO_EXTENSION))] ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}

$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file) && !str_ends_with($path, '.php')) {
    return false; // the built-in server sends the static file itself
}
if (str_ends_with($path, '.php') && is_file($file)) {
    $_SERVER['SCRIPT_NAME'] = $path;
    $_SERVER['SCRIPT_FILENAME'] = $file;
    chdir(dirname($file));
    require $file;
    return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
