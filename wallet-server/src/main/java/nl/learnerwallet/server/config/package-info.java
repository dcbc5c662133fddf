/** Configuration of wallet-server as validated records ({@code wallet.*} keys, overridable by environment variables). */
package nl.learnerwallet.server.config;
