/* libedit (BSD editline), found through pkg-config (`apt-get install -y libedit-dev`). */
#include <histedit.h>
