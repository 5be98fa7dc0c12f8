/*
 * The system's CA certificates, loaded by the first connection rather than
 * by libgit2's start (store/tls.c says how and why).
 */
#ifndef CONVENE_STORE_TLS_H
#define CONVENE_STORE_TLS_H

#include "core/err.h"

/* On around git_libgit2_init(): the bundle it loads is only noted. */
void store_tls_defer(int on);

/* The bundle libgit2's start asked for, or "" (nothing noted). */
const char *store_tls_noted(void);

/* Starts what libgit2's start left for the first connection (libssh2);
 * before any connection. */
void store_net_start(void);

/* Loads the noted bundle, once; before a connection that has no
 * http.sslCAInfo or http.sslCAPath of its own. */
int store_tls_load(struct err *err);

#endif
