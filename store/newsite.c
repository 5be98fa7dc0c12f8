/*
 * A new site: what init and clone set up besides the repository itself
 * (store/newsite.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "newsite.h"
#include "sync.h"

int newsite_dir_state(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	int empty = 1;

	if (!d)
		return errno == ENOENT ? 1 : -1;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			empty = 0;
	closedir(d);
	return empty ? 0 : -1;
}

int newsite_config(struct store *s, const char *site, const char *self, struct err *err)
{
	char driver[4200];
	int error;

	/* git runs the driver through the shell: the path is quoted */
	if (snprintf(driver, sizeof(driver), "'%s' merge-file %%O %%A %%B %%P",
		     self && *self ? self : "convene") >= (int)sizeof(driver))
		return err_set(err, ERR_INTERNAL, 0, 0, "the path of convene is too long: %s", self);
	error = store_config_set(s, "convene.site", site, err);
	if (!error)
		error = store_config_set(s, "merge.convene.name", "convene YAML merge", err);
	if (!error)
		error = store_config_set(s, "merge.convene.driver", driver, err);
	return error;
}

int newsite_commit(struct store *s, const struct template_out *files, size_t n,
		   const char *site, const char *name, const char *self, char *oid,
		   struct err *err)
{
	static const char attributes[] = "*.yaml merge=convene\n";
	const char **paths = calloc(n + 1, sizeof(char *));
	struct buf msg = BUF_INIT;
	size_t i;
	int error = 0;

	if (!paths)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < n && !error; i++) {
		paths[i] = files[i].path;
		error = store_write(s, files[i].path, files[i].data, files[i].len, err);
	}
	paths[n] = ".gitattributes";
	if (!error)
		error = store_write(s, ".gitattributes", attributes, sizeof(attributes) - 1, err);
	if (!error)
		error = newsite_config(s, site, self, err);
	buf_addf(&msg, "init: %s", name);
	if (!error && buf_failed(&msg))
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (!error)
		error = store_commit(s, paths, n + 1, msg.ptr, "", oid, 8, err);
	free(paths);
	buf_release(&msg);
	return error;
}

int newsite_hooks(struct store *s, const char *self, struct err *err)
{
	static const char *const names[] = { "pre-commit", "post-sync" };
	char dir[4096], path[4200], sample[64];
	const char *text, *at;
	size_t i;
	FILE *f;
	int ok;

	if (store_hooks_dir(s, dir, sizeof(dir)) < 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot tell where the hooks go");
	mkdir(dir, 0777);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(sample, sizeof(sample), "hooks/samples/%s", names[i]);
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (!(text = template_file(sample)))
			return err_set(err, ERR_INTERNAL, 0, 0, "no sample %s in this build", sample);
		if (!(f = fopen(path, "w")))
			return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s", path);
		/* @CONVENE@ becomes the path of the binary */
		if ((at = strstr(text, "@CONVENE@"))) {
			ok = fwrite(text, 1, (size_t)(at - text), f) == (size_t)(at - text) &&
			     fputs(self && *self ? self : "convene", f) >= 0 && fputs(at + 9, f) >= 0;
		} else {
			ok = fputs(text, f) >= 0;
		}
		if (fclose(f) != 0 || !ok || chmod(path, 0755) < 0)
			return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s", path);
	}
	return 0;
}

int newsite_clone_bundle(struct store **out, const char *file, const char *dir,
			 struct err *err)
{
	struct store_merge_result r;
	char tip[48], from[64];
	int error;

	*out = NULL;
	if ((error = store_init(out, dir, err)) < 0 ||
	    (error = store_bundle_read(*out, file, tip, sizeof(tip), from, sizeof(from), err)) < 0)
		return error;
	error = store_merge(*out, tip, &r, err);
	store_merge_result_release(&r);
	if (!error && from[0])
		error = store_site_seen(*out, from, tip, err);
	return error;
}
