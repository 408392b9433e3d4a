@echo off
rem Fast launcher for the runnable jar on Windows (build it once with: mvn -q package -DskipTests;
rem the release zip has it beside bin\). Same JVM options as bin/budgetpdf.
rem
rem This file is plain ASCII on purpose: cmd reads a batch file in the console's code page (936 on a
rem Chinese Windows, 65001 in a UTF-8 Windows Terminal), so Chinese text here would print as garbage in
rem one of them. Every Chinese message comes from Java, which prints in the console's own code page.
rem
rem The first run records an AppCDS archive of the classes it loaded (budgetpdf.jsa beside the jar);
rem later runs map it. When the jar is newer than the archive (a rebuild), the archive is recorded anew.
rem Paths are kept in quotes: the folder may be "C:\Program Files (x86)\...".
setlocal
set "HERE=%~dp0.."
set "JARDIR=%HERE%\target"
if not exist "%JARDIR%\budgetpdf.jar" set "JARDIR=%HERE%"
if exist "%JARDIR%\budgetpdf.jar" goto found
echo budgetpdf: target\budgetpdf.jar not found. Build it first: mvn -q package -DskipTests 1>&2
exit /b 2
:found
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "JAR=%JARDIR%\budgetpdf.jar"
set "CDS=%JARDIR%\budgetpdf.jsa"
set "NEWEST="
rem dir /o:d lists the oldest first: the last name listed is the newer of the jar and its archive.
if exist "%CDS%" for /f "delims=" %%F in ('dir /b /a:-d /o:d "%JARDIR%\budgetpdf.j*"') do set "NEWEST=%%F"
set SHARE="-XX:ArchiveClassesAtExit=%CDS%"
if /i "%NEWEST%"=="budgetpdf.jsa" set SHARE="-XX:SharedArchiveFile=%CDS%" -Xshare:auto
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xss4m %SHARE% -Xlog:cds=off -Xlog:cds+dynamic=off "-Dbudgetpdf.launcher=bin\budgetpdf.cmd" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
