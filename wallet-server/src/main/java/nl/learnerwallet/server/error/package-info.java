/** Domain errors become HTTP statuses with a JSON body of one code and one sentence; no stack traces. */
package nl.learnerwallet.server.error;
