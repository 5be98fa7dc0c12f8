/* store/tls.c: the CA bundle is noted at libgit2's start, loaded later. */
#include <stdio.h>
#include <sys/stat.h>

#include "store/store.h"
#include "store/tls.h"
#include "unit.h"

int mbedtls_x509_crt_parse_file(void *chain, const char *path);

void test_tls__start_notes_the_bundle(void)
{
	struct stat st;
	struct err err;

	check(store_global_init() == 0);
	/* Debian's libgit2 names the ca-certificates bundle at its start */
	if (stat("/etc/ssl/certs/ca-certificates.crt", &st) == 0)
		check_str(store_tls_noted(), "/etc/ssl/certs/ca-certificates.crt");
	err_clear(&err);
	check(store_tls_load(&err) == 0);
	check(store_tls_load(&err) == 0);  /* once is enough */
	store_global_shutdown();
}

void test_tls__outside_the_start_mbedtls_decides(void)
{
	char chain[4096] = { 0 };  /* more than an mbedtls_x509_crt */

	check(store_global_init() == 0);
	/* a file that is not there: mbedTLS's own error, not a silent 0 */
	check(mbedtls_x509_crt_parse_file(chain, "/nonexistent/ca.pem") < 0);
	store_global_shutdown();
}
