/*
 * Real git repositories for the unit tests of store/: made in a new
 * temporary folder by shell commands, with a fixed identity and no
 * system or user git config, removed afterwards.
 */
#ifndef CONVENE_UNIT_REPO_H
#define CONVENE_UNIT_REPO_H

/* Makes dir (a mkdtemp() template, changed in place) and runs script in
 * it after `git init -q -b main`, with GIT_AUTHOR_* and GIT_COMMITTER_*
 * set to Unit <unit@example.org> and HOME set to dir; 0 when mkdtemp,
 * git or the shell failed. */
int unit_repo(char *dir, const char *script);
/* Removes dir and all in it; 0 if that failed (said on stdout). */
int unit_repo_remove(const char *dir);
/* Writes text to dir/path; 0 if that failed. */
int unit_write_file(const char *dir, const char *path, const char *text);

/* A txn on yaml as file, without a repository: what store/'s edits of
 * one tree read; 0, or doc_load()'s error.  Released by txn_release(). */
struct txn;
struct buf;
int unit_txn(struct txn *t, const char *file, const char *yaml);
/* The YAML of t's tree, into out (reset first); out's text. */
const char *unit_yaml_of(struct buf *out, const struct txn *t);

#endif
