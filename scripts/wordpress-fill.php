<?php
// PHP side of scripts/wordpress, run with Debian's php-cli against Debian's
// WordPress (/usr/share/wordpress, settings in /etc/wordpress/config-127.0.0.1.php):
//
//   php wordpress-fill.php install <site-url>   install WordPress once (idempotent)
//   php wordpress-fill.php fill <photos-folder> add the test site's users, terms,
//                                               photos and posts (idempotent)
//
// Every post here is sample content and says so. What each post exercises is
// listed in tests/fixtures/wordpress/README.md. Posts and photos are found
// again by the meta key _brnn_fill_key, so a second fill changes nothing, and
// a changed definition below updates its post in place. Dates are fixed (also
// the modification dates, which WordPress would otherwise set to "now"), so a
// fresh site gives the same REST responses every time.

if (PHP_SAPI !== 'cli') {
    exit(1);
}
[$self, $command, $arg] = $argv + [null, null, null];
if (!in_array($command, ['install', 'fill'], true) || $arg === null) {
    fwrite(STDERR, "usage: php wordpress-fill.php install <site-url> | fill <photos-folder>\n");
    exit(2);
}

// Debian's wp-config.php picks /etc/wordpress/config-<host>.php by HTTP_HOST.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

function fail(string $message): void
{
    fwrite(STDERR, "scripts/wordpress-fill.php: $message\n");
    exit(1);
}

function check($value, string $what)
{
    if (is_wp_error($value)) {
        fail("$what: " . implode('; ', $value->get_error_messages()));
    }
    if ($value === false || $value === 0 || $value === null) {
        fail("$what failed");
    }
    return $value;
}

if ($command === 'install') {
    define('WP_INSTALLING', true);
    require '/usr/share/wordpress/wp-load.php';
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    if (!is_blog_installed()) {
        // wp_install() mails the admin (no mail here: PHPMailer fails quietly) and
        // tries pretty permalinks by fetching the site, which is not served yet.
        add_filter('pre_wp_mail', '__return_false');
        $result = wp_install('brnn-news import test site', 'admin', 'admin@wordpress.test', true, '', 'admin-password-for-tests-only', 'en_US');
        check($result['user_id'] ?? null, 'wp_install');
        echo "scripts/wordpress-fill.php: installed WordPress " . get_bloginfo('version') . "\n";
    }
    update_option('blogdescription', 'A WordPress filled by brnn-news scripts/wordpress, for the importer\'s tests');
    // Pretty permalinks: posts' "link" is /slug/, and /wp-json/ answers beside ?rest_route=.
    update_option('permalink_structure', '/%postname%/');
    update_option('rewrite_rules', '');
    exit(0);
}

// ---- fill ----
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$photos = rtrim($arg, '/');
if (!is_dir($photos)) {
    fail("no photos folder $photos");
}

$admin = get_user_by('login', 'admin');
if (!$admin) {
    fail('no user admin: run scripts/wordpress start first');
}
wp_set_current_user($admin->ID);
// Store HTML as written, hostile parts included: the importer's sanitizer is
// what is under test, not WordPress's.
kses_remove_filters();
// Keep links as written (no rel="noopener" added on save).
remove_filter('content_save_pre', 'wp_targeted_link_rel');

// WordPress's own first post ("Hello world!", dated at install time) would make
// the recordings change with every install.
foreach (get_posts(['post_type' => 'post', 'post_status' => 'any', 'name' => 'hello-world', 'numberposts' => -1]) as $hello) {
    wp_delete_post($hello->ID, true);
}

// ---- users ----
function ensure_user(array $u): int
{
    $user = get_user_by('login', $u['user_login']);
    $data = $u + ['role' => 'author'];
    if ($user) {
        $data['ID'] = $user->ID;
        return check(wp_update_user($data), "updating user {$u['user_login']}");
    }
    $data['user_pass'] = wp_generate_password(24);
    return check(wp_insert_user($data), "adding user {$u['user_login']}");
}

$authors = [
    'jonas' => ensure_user([
        'user_login' => 'jweber',
        'user_nicename' => 'jonas-weber',
        'display_name' => 'Jonas Weber',
        'first_name' => 'Jonas',
        'last_name' => 'Weber',
        'user_email' => 'jonas.weber@wordpress.test',
        'user_url' => 'https://example.org/jonas',
        'description' => 'Sample author: writes the sample posts about trade and transport.',
    ]),
    'amira' => ensure_user([
        'user_login' => 'ahaddad',
        'user_nicename' => 'amira-haddad',
        'display_name' => 'Amira Haddad',
        'first_name' => 'Amira',
        'last_name' => 'Haddad',
        'user_email' => 'amira.haddad@wordpress.test',
        'description' => 'Sample author (كاتبة نموذجية): writes the sample posts about culture, in English and Arabic.',
    ]),
];

// ---- categories and tags ----
function ensure_term(string $taxonomy, string $slug, string $name, string $description = '', int $parent = 0): int
{
    $term = get_term_by('slug', $slug, $taxonomy);
    $args = ['slug' => $slug, 'description' => $description, 'parent' => $parent];
    if ($term) {
        check(wp_update_term($term->term_id, $taxonomy, $args + ['name' => $name]), "updating $taxonomy $slug");
        return $term->term_id;
    }
    return check(wp_insert_term($name, $taxonomy, $args), "adding $taxonomy $slug")['term_id'];
}

$news = ensure_term('category', 'news', 'News', 'Sample section: news.');
$categories = [
    'uncategorized' => (int) get_option('default_category'),
    'news' => $news,
    'world' => ensure_term('category', 'world', 'World', 'Sample section below News.', $news),
    'economy' => ensure_term('category', 'economy', 'Economy'),
    'culture' => ensure_term('category', 'culture', 'Culture', 'Sample section: culture, in English and Arabic.'),
    'science-tech' => ensure_term('category', 'science-tech', 'Science & Tech', 'A name with an ampersand.'),
    // Deliberately left out of the importer tests' section table: it must be reported.
    'opinion' => ensure_term('category', 'opinion', 'Opinion', 'Left unmapped in the importer tests.'),
];
// Tags keyed by their name; non-Latin names get percent-encoded slugs, as WordPress makes them.
$tags = [];
foreach (['Trade' => 'trade', 'Rail' => 'rail', 'Ports' => 'ports', 'Space' => 'space', '数据' => null, 'ثقافة' => null] as $name => $slug) {
    $term = get_term_by('name', $name, 'post_tag');
    $tags[$name] = $term ? $term->term_id : check(wp_insert_term($name, 'post_tag', $slug ? ['slug' => $slug] : []), "adding tag $name")['term_id'];
}

// ---- posts ----
// date_gmt is when the post was published (UTC); modified_gmt, where given,
// a later edit; tz the site's timezone while it was written (WordPress stores
// "date" in the site's time of that moment and never converts it again).
$posts = [
    [
        'key' => 'markup-tour',
        'slug' => 'markup-tour',
        'title' => 'Markup tour: “quotes”, <em>emphasis</em> & ampersands in a title',
        'author' => 'jonas',
        'date_gmt' => '2024-03-04 09:15:00',
        'categories' => ['world'],
        'tags' => ['Trade', 'Ports'],
        'featured' => 'coffee',
        'photos' => ['coffee', 'rocket'],
        'content' => file_get_contents(__DIR__ . '/wordpress-posts/markup-tour.html'),
    ],
    [
        'key' => 'hostile-html',
        'slug' => 'hostile-html',
        'title' => 'Hostile HTML <script>alert("title")</script>that the importer must defuse',
        'author' => 'amira',
        'date_gmt' => '2024-03-04 12:00:00',
        'categories' => ['opinion'],
        'tags' => [],
        'content' => file_get_contents(__DIR__ . '/wordpress-posts/hostile-html.html'),
    ],
    [
        'key' => 'classic-editor',
        'slug' => 'classic-editor',
        'title' => 'A post from the classic editor',
        'author' => 'jonas',
        'date_gmt' => '2024-03-03 16:45:00',
        'categories' => ['economy', 'science-tech'],
        'tags' => ['Rail'],
        'content' => file_get_contents(__DIR__ . '/wordpress-posts/classic-editor.html'),
    ],
    [
        'key' => 'updated-after-publishing',
        'slug' => 'updated-after-publishing',
        'title' => 'Sample: port figures, updated after publishing',
        'author' => 'jonas',
        'date_gmt' => '2024-03-05 10:00:00',
        'modified_gmt' => '2024-03-06 14:30:00',
        'categories' => ['economy'],
        'tags' => ['Trade', 'Ports'],
        'featured' => 'rocket',
        'content' => file_get_contents(__DIR__ . '/wordpress-posts/updated-after-publishing.html'),
    ],
    [
        'key' => 'draft',
        'slug' => 'a-draft',
        'status' => 'draft',
        'title' => 'A draft, which the REST API does not list without a login',
        'author' => 'amira',
        'date_gmt' => '2024-03-06 08:00:00',
        'categories' => ['news'],
        'tags' => [],
        'content' => "<!-- wp:paragraph -->\n<p>Sample draft: not published, must not be imported.</p>\n<!-- /wp:paragraph -->",
    ],
    [
        'key' => 'password-protected',
        'slug' => 'password-protected',
        'password' => 'brnn',
        'title' => 'A password-protected post',
        'author' => 'amira',
        'date_gmt' => '2024-03-06 09:00:00',
        'categories' => ['news'],
        'tags' => [],
        'featured' => 'coffee',
        'excerpt' => 'A hand-written excerpt of a protected post.',
        'content' => "<!-- wp:paragraph -->\n<p>Sample text behind the password <code>brnn</code>: the REST API leaves it out without the password.</p>\n<!-- /wp:paragraph -->",
    ],
    [
        'key' => 'arabic',
        'title' => 'مقالة نموذجية: رصيف جديد في ميناء متخيَّل',
        'author' => 'amira',
        'date_gmt' => '2024-03-07 07:30:00',
        'categories' => ['culture'],
        'tags' => ['ثقافة'],
        'featured' => 'astronaut-ar',
        'photos' => ['astronaut-ar'],
        'content' => file_get_contents(__DIR__ . '/wordpress-posts/arabic.html'),
    ],
    [
        'key' => 'chinese',
        'title' => '示例文章：一趟虚构的中欧班列',
        'author' => 'jonas',
        'date_gmt' => '2024-03-07 11:00:00',
        'categories' => ['world'],
        'tags' => ['数据', 'Rail'],
        'featured' => 'coffee-zh',
        'photos' => ['coffee-zh'],
        'content' => file_get_contents(__DIR__ . '/wordpress-posts/chinese.html'),
    ],
    [
        'key' => 'sticky-excerpt',
        'slug' => 'sticky-with-excerpt',
        'title' => 'A sticky post with a hand-written excerpt',
        'author' => 'amira',
        'date_gmt' => '2024-03-01 06:00:00',
        'sticky' => true,
        'categories' => ['news', 'culture'],
        'tags' => ['Space'],
        'featured' => 'astronaut',
        'photos' => ['astronaut'],
        'excerpt' => 'A hand-written excerpt with <em>emphasis</em> & an ampersand.',
        'content' => "<!-- wp:paragraph -->\n<p>Sample post: sticky (shown first on the site's front page, <code>sticky: true</code> in the REST API), with a hand-written excerpt instead of the first 55 words.</p>\n<!-- /wp:paragraph -->",
    ],
    [
        'key' => 'untitled',
        'title' => '',
        'author' => 'jonas',
        'date_gmt' => '2024-02-29 23:59:59',
        'categories' => [],
        'tags' => [],
        'content' => "<!-- wp:paragraph -->\n<p>Sample post without a title, published on a leap day one second before midnight (UTC), in no category of its own (WordPress puts it in Uncategorized).</p>\n<!-- /wp:paragraph -->",
    ],
    // Written last, after the site's timezone was set to São Paulo (UTC−3):
    // its "date" is three hours behind "date_gmt" and on the previous day.
    [
        'key' => 'sao-paulo',
        'slug' => 'written-in-sao-paulo',
        'title' => 'Written while the site’s timezone was America/Sao_Paulo',
        'author' => 'jonas',
        'date_gmt' => '2024-03-08 01:30:00',
        'modified_gmt' => '2024-03-08 02:00:00',
        'tz' => 'America/Sao_Paulo',
        'categories' => ['news'],
        'tags' => [],
        'content' => "<!-- wp:paragraph -->\n<p>Sample post, written after the site's timezone was set to America/Sao_Paulo (UTC−3): published at 01:30 UTC on 8 March 2024, which is 22:30 on 7 March in São Paulo. Its <code>date</code> says the latter, <code>date_gmt</code> the former; the posts written before the change keep <code>date</code> equal to <code>date_gmt</code>.</p>\n<!-- /wp:paragraph -->",
    ],
];

// Photos: the repository's own (content/photos, with their .toml credits).
$photo_defs = [
    'coffee' => ['file' => 'coffee.jpg', 'title' => 'Coffee', 'alt' => 'A cup of coffee on a saucer, seen from above',
        'caption' => 'Sample caption: a cup of coffee. Photo: Rachel Michetti, CC0.', 'description' => 'coffee.png of scikit-image, CC0.'],
    'rocket' => ['file' => 'rocket-launch.jpg', 'title' => 'Rocket launch', 'alt' => 'A Falcon 9 rocket lifting off its launch pad in a cloud of steam',
        'caption' => 'Sample caption: the launch of DSCOVR in February 2015. Photo: <a href="https://www.spacex.com/">SpaceX</a>, public domain.', 'description' => ''],
    'astronaut' => ['file' => 'astronaut.jpg', 'title' => 'Eileen Collins', 'alt' => 'The astronaut Eileen Collins in her flight suit',
        'caption' => 'Sample caption: Eileen Collins. Photo: NASA, public domain.', 'description' => ''],
    // The same photos again, uploaded under other names and with texts in the posts' languages.
    'astronaut-ar' => ['file' => 'astronaut.jpg', 'name' => 'رائدة-فضاء.jpg', 'title' => 'رائدة فضاء', 'alt' => 'رائدة الفضاء إيلين كولينز ببدلة الطيران',
        'caption' => 'تعليق نموذجي: إيلين كولينز. الصورة: ناسا، ملكية عامة.', 'description' => ''],
    'coffee-zh' => ['file' => 'coffee.jpg', 'name' => '咖啡.jpg', 'title' => '咖啡', 'alt' => '碟子上的一杯咖啡',
        'caption' => '示例图片说明：一杯咖啡。摄影：Rachel Michetti，CC0。', 'description' => ''],
];

function find_by_key(string $post_type, string $key): ?WP_Post
{
    $found = get_posts(['post_type' => $post_type, 'post_status' => 'any', 'numberposts' => 1, 'meta_key' => '_brnn_fill_key', 'meta_value' => $key, 'suppress_filters' => true]);
    return $found[0] ?? null;
}

function local_time(string $gmt, string $tz): string
{
    $t = new DateTime($gmt, new DateTimeZone('UTC'));
    $t->setTimezone(new DateTimeZone($tz));
    return $t->format('Y-m-d H:i:s');
}

// Sets a post's modification time to a fixed one (WordPress sets it to "now"
// on every update).
function pin_modified(int $id, string $modified_gmt, string $tz): void
{
    global $wpdb;
    $wpdb->update($wpdb->posts, ['post_modified_gmt' => $modified_gmt, 'post_modified' => local_time($modified_gmt, $tz)], ['ID' => $id]);
    clean_post_cache($id);
}

function ensure_photo(string $key, array $def, WP_Post $parent, string $photos, string $tz): int
{
    $existing = find_by_key('attachment', $key);
    if ($existing) {
        return $existing->ID;
    }
    $source = "$photos/{$def['file']}";
    if (!is_file($source)) {
        fail("no photo $source");
    }
    // media_handle_sideload moves the file: hand it a copy.
    $copy = wp_tempnam($def['file']);
    copy($source, $copy) || fail("could not copy $source");
    $file = ['name' => $def['name'] ?? $def['file'], 'tmp_name' => $copy];
    // The upload goes to the parent post's year/month folder, dated as the post.
    $id = media_handle_sideload($file, $parent->ID, $def['title'], [
        'post_date' => $parent->post_date,
        'post_date_gmt' => $parent->post_date_gmt,
        'post_excerpt' => $def['caption'],
        'post_content' => $def['description'],
        'post_author' => $parent->post_author,
    ]);
    check($id, "uploading $source");
    update_post_meta($id, '_wp_attachment_image_alt', $def['alt']);
    update_post_meta($id, '_brnn_fill_key', $key);
    pin_modified($id, $parent->post_date_gmt, $tz);
    return $id;
}

// {{id:KEY}}, {{url:KEY}}, {{url:KEY:SIZE}}, {{w:KEY:SIZE}}, {{h:KEY:SIZE}}, {{link:POST-KEY}}
function expand(string $text, array $photo_ids, array $post_ids): string
{
    return preg_replace_callback('/\{\{(id|url|w|h|link):([a-z-]+)(?::([a-z_]+))?\}\}/', function ($m) use ($photo_ids, $post_ids) {
        [, $what, $key] = $m;
        $size = $m[3] ?? 'full';
        if ($what === 'link') {
            // The published address, /slug/ (get_permalink() of a post still a draft would be ?p=ID).
            $slug = $GLOBALS['slugs'][$key] ?? fail("{{link:$key}}: no post with that key and a slug");
            return home_url(user_trailingslashit($slug));
        }
        isset($photo_ids[$key]) || fail("{{{$what}:$key}}: no such photo");
        $id = $photo_ids[$key];
        if ($what === 'id') {
            return (string) $id;
        }
        $image = wp_get_attachment_image_src($id, $size);
        $image || fail("photo $key has no size $size");
        return (string) ['url' => $image[0], 'w' => $image[1], 'h' => $image[2]][$what];
    }, $text);
}

$slugs = array_column(array_filter($posts, fn ($p) => isset($p['slug'])), 'slug', 'key');

// Pass 1: every post exists (empty), with its photos uploaded to it.
$post_ids = [];
$photo_ids = [];
update_option('timezone_string', 'UTC');
foreach ($posts as $p) {
    $tz = $p['tz'] ?? 'UTC';
    if ($tz !== 'UTC') {
        update_option('timezone_string', $tz);
    }
    $post = find_by_key('post', $p['key']);
    if (!$post) {
        $id = check(wp_insert_post([
            'post_type' => 'post',
            'post_status' => 'draft',
            'post_title' => $p['title'],
            'post_content' => '(filled in by pass 2)',
            'post_name' => $p['slug'] ?? '',
            'post_author' => $authors[$p['author']],
            'post_date' => local_time($p['date_gmt'], $tz),
            'post_date_gmt' => $p['date_gmt'],
            'meta_input' => ['_brnn_fill_key' => $p['key']],
        ], true), "adding post {$p['key']}");
        $post = get_post($id);
    }
    $post_ids[$p['key']] = $post->ID;
    foreach ($p['photos'] ?? [] as $key) {
        $photo_ids[$key] = ensure_photo($key, $photo_defs[$key], $post, $photos, $tz);
    }
}
foreach ($photo_defs as $key => $def) {
    isset($photo_ids[$key]) || fail("photo $key is used by no post's 'photos'");
}

// Pass 2: content, terms, featured photo, status; only where the definition changed.
$added = $updated = 0;
foreach ($posts as $p) {
    $tz = $p['tz'] ?? 'UTC';
    $id = $post_ids[$p['key']];
    $content = expand($p['content'], $photo_ids, $post_ids);
    $hash = md5(serialize([$p, $content]));
    if (get_post_meta($id, '_brnn_fill_hash', true) === $hash) {
        continue;
    }
    $fresh = get_post_meta($id, '_brnn_fill_hash', true) === '';
    check(wp_update_post([
        'ID' => $id,
        'post_title' => $p['title'],
        'post_content' => $content,
        'post_excerpt' => $p['excerpt'] ?? '',
        'post_status' => $p['status'] ?? 'publish',
        'post_password' => $p['password'] ?? '',
        'post_author' => $authors[$p['author']],
        'post_date' => local_time($p['date_gmt'], $tz),
        'post_date_gmt' => $p['date_gmt'],
        'edit_date' => true,
        'comment_status' => 'closed',
        'ping_status' => 'closed',
    ], true), "updating post {$p['key']}");
    $categories_of = array_map(fn ($c) => $GLOBALS['categories'][$c], $p['categories']);
    check(wp_set_post_categories($id, $categories_of ?: [(int) get_option('default_category')]), "categories of {$p['key']}");
    check(wp_set_post_tags($id, array_map(fn ($t) => $GLOBALS['tags'][$t], $p['tags'])) !== false, "tags of {$p['key']}");
    if (isset($p['featured'])) {
        if ((int) get_post_thumbnail_id($id) !== $photo_ids[$p['featured']]) {
            check(set_post_thumbnail($id, $photo_ids[$p['featured']]), "featured photo of {$p['key']}");
        }
    } else {
        delete_post_thumbnail($id);
    }
    !empty($p['sticky']) ? stick_post($id) : unstick_post($id);
    update_post_meta($id, '_brnn_fill_hash', $hash);
    pin_modified($id, $p['modified_gmt'] ?? $p['date_gmt'], $tz);
    $fresh ? $added++ : $updated++;
}

// What a REST client sees of the site's clock, at the end: São Paulo.
update_option('timezone_string', 'America/Sao_Paulo');
update_option('date_format', 'j F Y');
update_option('time_format', 'H:i');

$published = count(get_posts(['post_type' => 'post', 'post_status' => 'publish', 'numberposts' => -1, 'fields' => 'ids']));
echo "scripts/wordpress-fill.php: $added posts added, $updated updated, " . (count($posts) - $added - $updated) . " unchanged; $published published, " . count($photo_ids) . " photos\n";
