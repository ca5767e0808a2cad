import Mail
import Patches
