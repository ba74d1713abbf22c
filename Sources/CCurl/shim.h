#include <curl/curl.h>

/* curl_easy_setopt is variadic, which Swift cannot call: one typed wrapper per argument kind. */
static inline CURLcode insights_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode insights_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode insights_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode insights_curl_set_list(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode insights_curl_set_read_function(CURL *curl, curl_read_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_READFUNCTION, callback);
}
static inline CURLcode insights_curl_set_debug_function(CURL *curl, curl_debug_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, callback);
}

/* Recipients the server refuses do not fail the transfer while one is accepted. The option was
   renamed from the misspelt CURLOPT_MAIL_RCPT_ALLLOWFAILS in curl 8.2; Debian 12 has 7.88. */
static inline CURLcode insights_curl_allow_recipient_failures(CURL *curl) {
#if LIBCURL_VERSION_NUM >= 0x080200
    return curl_easy_setopt(curl, CURLOPT_MAIL_RCPT_ALLOWFAILS, 1L);
#else
    return curl_easy_setopt(curl, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
#endif
}

/* curl_global_init with the default flags (a macro expression Swift does not import). */
static inline CURLcode insights_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* The errno of the last failed connect (curl_easy_getinfo is variadic too). */
static inline long insights_curl_os_errno(CURL *curl) {
    long value = 0;
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &value);
    return value;
}

/* For HTTP (InsightsBigQuery): the response body's write callback and the status code. */
static inline CURLcode insights_curl_set_write_function(CURL *curl, curl_write_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, callback);
}
static inline long insights_curl_response_code(CURL *curl) {
    long value = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &value);
    return value;
}
