#!/usr/bin/env bash
# Rewrites docs/images/vibevault.png, the README's picture: the memory list of `serve --demo`,
# logged in as demo, in headless Chromium at 1366x900 (app/.../web/ReadmeScreenshotTest.java).
# Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian: chromium chromium-driver). Extra
# arguments go to Maven (e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$PWD/docs/images/vibevault.png"
VIBEVAULT_TEST_DATABASES=sqlite VIBEVAULT_BROWSER_TESTS=required mvn -q "$@" test -pl app -am \
  -Dtest=ReadmeScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dvibevault.readmeScreenshot="$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
