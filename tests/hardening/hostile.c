/*
 * hostile.c — test programs that misbehave on --describe, for
 * hardening-runner.sh (issue 10 findings 4b and 10).  What it does comes
 * from its name: describe-hang blocks, describe-crash aborts,
 * describe-flood prints without end, describe-nonutf8 prints bytes that
 * are not UTF-8, describe-ok answers.  Run without --describe, each
 * prints one passing check.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <tck/protocol.h>

/* They speak the protocol (as far as their names let them), so the harness describes them. */
const char hostile_declaration[] __attribute__((used)) = "\n" TCK_PROTOCOL_DECLARATION "\n";

int
main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

    if (argc > 1 && strcmp(argv[1], "--describe") == 0) {
        if (strcmp(name, "describe-hang") == 0) {
            for (;;)
                pause();
        } else if (strcmp(name, "describe-crash") == 0) {
            abort();
        } else if (strcmp(name, "describe-flood") == 0) {
            for (;;)
                fputs("summary: flood flood flood flood flood flood flood flood\n", stdout);
        } else if (strcmp(name, "describe-nonutf8") == 0) {
            fputs("summary: caf\xe9 \xff\xfe bytes\nplan: 1\n", stdout);
            return 0;
        }
        printf("summary: answers its --describe\nplan: 1\n");
        return 0;
    }
    printf("1..1\nok 1 - %s ran\n", name);
    return 0;
}
