/* libpq, PostgreSQL's C client, from the system (Debian's libpq-dev puts it under postgresql/). */
#include <postgresql/libpq-fe.h>
#include <stdlib.h>
#include <string.h>

/* The error-field codes are character macros, which Swift does not import. */
static const int insights_pq_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int insights_pq_diag_message_primary = PG_DIAG_MESSAGE_PRIMARY;
