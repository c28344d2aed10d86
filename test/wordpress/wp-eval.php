<?php
// A small stand-in for `wp eval` (WP-CLI is not in Debian): loads the WordPress in argv[1] and
// runs the PHP code read from stdin inside it; what the code prints is the answer. With
// argv[2] = "install", WordPress is loaded in installing mode (before its tables exist).
if ($argc < 2) {
    fwrite(STDERR, "usage: php wp-eval.php <wordpress dir> [install] < code.php\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
if (($argv[2] ?? '') === 'install') {
    define('WP_INSTALLING', true);
}
require rtrim($argv[1], '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
$code = stream_get_contents(STDIN);
eval('?>' . $code);
