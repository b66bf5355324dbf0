//! Chinese in simplified characters.

use super::{cldr, Direction, Locale};

pub static CHINESE: Locale = Locale {
    lang: "zh-Hans",
    language_name: "中文",
    direction: Direction::Ltr,
    calendar: &cldr::ZH,
    // CLDR's `y年M月d日EEEE` exactly: `2025年11月4日星期二`, no space before
    // the weekday (a page that has one is read all the same).
    long_date_pattern: cldr::ZH.full_date,
    label_separator: "：",
    page_of: |page, pages| format!("第 {page} 页，共 {pages} 页"),
    loading: "正在加载……",
    retry: "重试",
    source_label: "来源：",
    updated: "更新",
    breadcrumb_label: "面包屑导航",
    sections_label: "栏目",
    skip_to_content: "跳到主要内容",
    languages_label: "语言",
    pagination_label: "分页",
    newer_page: "较新的文章",
    older_page: "较早的文章",
    neighbours_label: "本栏目的其他文章",
    newer_article: "较新一篇",
    older_article: "较早一篇",
    empty_list: "这里还没有文章。",
    newest_articles: "最新文章",
    not_found_title: "页面不存在",
    not_found_text: "此页面不存在或已被删除。链接可能已经过期，或者地址有误。",
    back_to_front_page: "返回首页",
    error_title: "出错了",
    error_network: "无法连接服务器。请检查您的网络连接。",
    error_not_found: "所请求的数据不存在。",
    error_status: |status| format!("服务器返回了错误（HTTP 状态码 {status}）。"),
    error_syntax: "服务器返回的数据已损坏：不是有效的 JSON。",
    error_shape: "服务器返回的数据格式与预期不符。",
    error_format: |format| {
        format!("服务器返回的数据格式版本为 {format}，当前版本的阅读器无法识别。请重新加载页面。")
    },
    error_details: "技术详情",
    search_label: "搜索",
    search_button: "搜索",
    search_needs_javascript: "搜索功能需要 JavaScript。请启用 JavaScript，或通过栏目查找文章。",
    search_prompt: "请输入要搜索的内容。",
    search_running: "正在搜索……",
    search_failed: "搜索功能暂时无法使用，请稍后再试。",
    more_results: "更多结果",
    search_count: |count| format!("找到 {count} 条结果"),
    search_count_since: |count, year| format!("{year} 年以来找到 {count} 条结果"),
    search_none: |query| format!("没有找到与“{query}”相关的结果。"),
};
