/** RFC 9110 token: what a method or header name may contain. */
export const httpToken = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
