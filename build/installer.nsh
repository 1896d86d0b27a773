; Included by electron-builder's NSIS installer (build/electron-builder.mjs, nsis.include).
; Per-user install: puts the CLI folder ($INSTDIR\resources\bin, holding federation-desk.cmd) on the
; user's PATH (HKCU\Environment: no admin rights) and takes it off again on uninstall. Programs
; started after the WM_SETTINGCHANGE broadcast (a new cmd or PowerShell window) see the new PATH.
; String functions from NSIS's own StrFunc.nsh (declared once here, then used in the macros).
!include "StrFunc.nsh"
${StrStr}
${UnStrRep}

!macro customInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${StrStr} $1 "$0" "$INSTDIR\resources\bin"
  StrCmp $1 "" 0 fd_path_done
  StrCmp $0 "" 0 fd_path_append
  WriteRegExpandStr HKCU "Environment" "Path" "$INSTDIR\resources\bin"
  Goto fd_path_broadcast
  fd_path_append:
  WriteRegExpandStr HKCU "Environment" "Path" "$0;$INSTDIR\resources\bin"
  fd_path_broadcast:
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  fd_path_done:
!macroend

!macro customUnInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${UnStrRep} $1 "$0" ";$INSTDIR\resources\bin" ""
  ${UnStrRep} $1 "$1" "$INSTDIR\resources\bin" ""
  StrCmp $1 $0 fd_unpath_done
  WriteRegExpandStr HKCU "Environment" "Path" "$1"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  fd_unpath_done:
!macroend
