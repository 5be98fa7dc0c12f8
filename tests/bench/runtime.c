/*
 * make bench: the wall time of a command, run N times with its output to
 * /dev/null: "BEST MEDIAN" in ms.  Timed around posix_spawn() and
 * waitpid() alone, so what is measured is the command, not a shell's
 * `date` started after it (a process start of its own, about 1 ms here).
 * Usage: runtime N command [args...]
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	double *v;
	int i, n;

	if (argc < 3 || (n = atoi(argv[1])) < 1) {
		fputs("usage: runtime N command [args...]\n", stderr);
		return 2;
	}
	if (!(v = malloc((size_t)n * sizeof(*v))))
		return 1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (i = 0; i < n; i++) {
		double t0 = now_ms();
		pid_t pid;
		int status;

		if (posix_spawnp(&pid, argv[2], &fa, NULL, argv + 2, environ) != 0) {
			perror(argv[2]);
			return 1;
		}
		waitpid(pid, &status, 0);
		v[i] = now_ms() - t0;
	}
	qsort(v, (size_t)n, sizeof(*v), by_value);
	printf("%.1f %.1f\n", v[0], v[n / 2]);
	free(v);
	return 0;
}
