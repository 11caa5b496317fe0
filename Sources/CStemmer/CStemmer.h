/* libstemmer (Snowball stemmers), from Debian's libstemmer-dev (`apt-get install -y libstemmer-dev`).
   It has no pkg-config file: the header is /usr/include/libstemmer.h, the library -lstemmer. */
#include <libstemmer.h>
