package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/ducha-dev/ducha/serve"
)

const serveUsage = `用法:ducha serve [选项]

在本机启动一个网页:把报告文件(.docx、.doc、.wps、.odt、.pdf、.ofd、.txt、.html、.mht,可多选)拖到页面上或选择文件,即可看到
检查报告(正文中标出每个问题,旁边列出问题和要求清单,可按级别、规则筛选),并可下载带 Word
批注的 .docx 副本。文件只在内存中检查,不写入磁盘,检查完即丢弃,也不会发送到任何外部服务。
按 Ctrl-C 停止。

程序接口:POST /api/check,以 multipart/form-data 上传一个或多个文件(表单字段 file),
返回与 ducha check --format json 相同的 JSON;POST /api/report 返回网页报告;
POST /api/docx(一个文件)返回批注文档。

选项:
  --addr 地址          监听的地址和端口(默认 127.0.0.1:8080,只有本机能访问)
  --public             允许监听非本机地址(如 0.0.0.0:8080),让局域网中的其他电脑访问;
                       请只在可信的内部网络中使用
  --max-size 大小      一次上传的大小上限(所有文件合计),如 64M、500K、1.5M(默认 64M);
                       单位 K、M、G(也可写 KB、MB、GB 或 KiB、MiB、GiB),均按 1024 进位

规则与配置(与 ducha check 相同):
  --config 文件        配置文件(默认:当前目录或上级目录中最近的 .ducha.hcl)
  --rules 路径         追加规则文件,或目录中的 *.hcl(可重复)
  --no-builtin         不加载内置规则
  --disable 规则ID     关闭一条规则(可重复)
  --severity ID=级别   改变一条规则的级别为 error、warning 或 info;off 即关闭(可重复)

例:
  ducha serve                      然后在浏览器中打开 http://127.0.0.1:8080/
  ducha serve --addr 127.0.0.1:9000 --disable section/other

不用网页时,同样的结果也可以在命令行得到:
  ducha check --format html --output 报告.html 报告目录/      网页报告(多个文件时先列总表)
  ducha check --format docx --output 报告-批注.docx 报告.docx  带 Word 批注的副本

退出码:0 正常停止;2 用法错误、规则或配置有误、端口无法监听。
`

type serveFlags struct {
	ruleFlags
	addr, maxSize string
	public        bool
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	f.ruleFlags.register(fs)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "监听地址")
	fs.BoolVar(&f.public, "public", false, "允许非本机地址")
	fs.StringVar(&f.maxSize, "max-size", "", "上传大小上限")
}

func (c *cli) serve(inv *invocation, sf *serveFlags) int {
	if len(inv.args) > 0 {
		return inv.usageErr("不需要参数 %q;要检查的文件在网页上选择", inv.args[0])
	}
	if err := checkLoopback(sf.addr); err != nil && !sf.public {
		return inv.usageErr("%v", err)
	}
	var limit int64
	if sf.maxSize != "" {
		n, err := parseSize(sf.maxSize)
		if err != nil {
			return inv.usageErr("--max-size %v", err)
		}
		limit = n
	}
	sf.lean, sf.cmd = true, inv.name
	ld, ok := c.load(sf.ruleFlags)
	if !ok {
		return exitTrouble
	}
	h := serve.New(serve.Options{Linter: ld.linter, MaxSize: limit, Logf: log.New(c.stderr, "ducha serve: ", log.LstdFlags).Printf})
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "ducha serve: 无法监听 %s:%v;端口可能已被占用,请用 --addr 换一个端口\n", sf.addr, err)
		return exitTrouble
	}
	srv := serve.Server(sf.addr, h)
	srv.ErrorLog = log.New(c.stderr, "ducha serve: ", log.LstdFlags)
	fmt.Fprintf(c.stderr, "ducha serve: 请在浏览器中打开 http://%s/ (按 Ctrl-C 停止)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(c.stderr, "ducha serve: 服务出错:%v\n", err)
		return exitTrouble
	case <-c.ctx.Done():
	}
	// Let requests under way finish, for a while.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		fmt.Fprintf(c.stderr, "ducha serve: 停止时仍有请求未完成:%v\n", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(c.stderr, "ducha serve: %v\n", err)
	}
	fmt.Fprintln(c.stderr, "ducha serve: 已停止")
	return exitOK
}

// checkLoopback refuses an address other computers could reach: the host
// must be localhost or a loopback IP.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q 应为 主机:端口,如 127.0.0.1:8080", addr)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	if host == "" {
		host = "所有网络接口"
	}
	return fmt.Errorf("--addr %s 会让其他电脑也能访问(%s);报告是内部文件,默认只在本机(127.0.0.1)提供服务。确需在局域网中使用,请加 --public", addr, host)
}
