/**
 * Kernel: plain Java with no framework and no web in it, used by every module: Vietnamese text folding
 * ({@code VnText}), the formats users read (1.526, 99,30%, dd/MM/yyyy, money in đồng: {@code VnFormat}), calendar
 * periods and their Vietnamese names ({@code Period}), the rate arithmetic ({@code Rates}) and paging
 * ({@code Page}). Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {  })
package vn.nq57.kernel;
