@echo off
rem The installed federation-desk CLI: runs Federation Desk.exe (two folders up) headless in CLI mode,
rem as the same Windows user, so `check --profile` and `expiry` can use the secret the app stored.
rem A batch file waits for the program and passes on its exit code, also from PowerShell and Task Scheduler.
"%~dp0..\..\Federation Desk.exe" --fd-cli %*
exit /b %ERRORLEVEL%
